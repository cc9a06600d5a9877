import { readFileSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../content/types.js';
import { articleTemplate } from '../render/article-page.js';
import type { Renderer } from '../render/environment.js';
import { mirrorPage, type MirrorSettings } from '../render/mirror.js';
import type { Page } from '../render/page.js';
import { siteView } from '../render/site-view.js';
import type { SiteModel } from '../site/types.js';
import { urlToOutputPath } from '../site/urls.js';
import type { FsWriter } from '../write/fs-writer.js';
import { fileInOutput } from '../write/writer.js';
import { inPlaceLimit } from '../write/in-place-update.js';
import { writeJsonFile } from '../cache/json-file.js';
import { toolFingerprint } from './tool-fingerprint.js';
import { articlePageKeyer, type ArticlePageKeyer } from './article-page-key.js';
import type { ModelPageUnit } from '../render/model-page-units.js';
import { dirStamp, fileStamp, leftAsRecorded, loadManifest, manifestPath, recordedFiles, type LoadedManifest, type OutputRecord, type PageManifest } from './page-manifest.js';
import { sharedUnitKeyer } from './shared-pages-key.js';
import { SharedUnitReuse, type KeptPage } from './shared-unit-reuse.js';
import { pageFingerprinter, themeFingerprint, type PageFingerprinter, type ThemeFingerprint } from './page-fingerprint.js';

/** A page's fingerprint in this build, and its file's stamp when the file is the previous build's (linked). */
type PageRecord = readonly [string, string?];

/** Options of `PageReuse.open`. */
export interface PageReuseOptions {
  readonly cacheDir: string;
  readonly outDir: string;
  readonly model: SiteModel;
  readonly theme: ThemeFingerprint;
  /** Hard-link reused pages instead of rendering them; off when the page's text is needed (the search index). */
  readonly link: boolean;
  /** The writer into `outDir`: told to update the folder in place when the manifest lists its files. */
  readonly writer?: FsWriter;
  /** `loadManifest(cacheDir, outDir)`, started early by the build; loaded here when absent. */
  readonly manifest?: Promise<LoadedManifest | undefined>;
}

/**
 * Pages of the previous build whose inputs did not change: the renderer skips them, and they are
 * hard-linked (or read back) from the previous output folder instead. A manifest in the cache
 * folder records each page's input fingerprint; it is only trusted for the very output folder it
 * was written beside.
 */
export class PageReuse {
  /** Pages reused by this build. */
  reused = 0;
  // Per URL, this build's fingerprint; with the stamp of a linked file (a link keeps its inode, size and
  // mtime, so the manifest needs no stat for it): then it is the previous build's record itself.
  private readonly current = new Map<string, PageRecord>();
  private readonly linked = new Map<string, string>();

  private constructor(
    private readonly options: PageReuseOptions,
    /** The previous build's record of each page, by URL, as its manifest holds it (every URL starts with `/`, so no key meets one of Object's own). */
    private readonly previous: PageManifest['pages'],
    private readonly fingerprint: PageFingerprinter,
    private readonly articleKey: ArticlePageKeyer,
    private readonly units: SharedUnitReuse,
    /** Whether a file the manifest lists is as the build left it, given the stamp recorded for it (stat'ed as the build began, `loadManifest`). */
    private readonly asRecorded: (file: string, recorded: string) => boolean,
    /** What the previous output was made from, as its manifest recorded it. */
    private readonly previousOutput: OutputRecord | undefined,
  ) {}

  /** Load the manifest written beside the current output folder (none when it does not match). */
  static async open(options: PageReuseOptions): Promise<PageReuse> {
    const loaded = await (options.manifest ?? loadManifest(options.cacheDir, options.outDir));
    const manifest = loaded?.manifest;
    if (manifest?.files && options.writer) options.writer.updateInPlace(new Set(manifest.files), inPlaceLimit(manifest.files.length));
    const fingerprint = pageFingerprinter(options.theme, siteView(options.model), options.model.now);
    const articleKey = articlePageKeyer(options.theme, options.model, articleTemplate);
    const fileAt = (outputPath: string): string => fileInOutput(options.outDir, outputPath);
    // Without a manifest nothing is recorded, so nothing is asked.
    const asRecorded = (file: string, recorded: string): boolean => loaded !== undefined && leftAsRecorded(loaded, file, recorded);
    const units = new SharedUnitReuse(sharedUnitKeyer(options.theme, options.model), manifest?.units ?? {}, fileAt, asRecorded);
    // The manifest's record of pages is looked up as it was parsed: copying 115,000 entries into a Map took 0.1 s at 100,000 articles.
    return new PageReuse(options, manifest?.pages ?? {}, fingerprint, articleKey, units, asRecorded, manifest?.output);
  }

  /** `renderer`, skipping renders whose fingerprint the previous build had for the same URL. */
  wrap(renderer: Renderer): Renderer {
    return { ...renderer, render: (template, context) => this.render(renderer, template, context) };
  }

  /**
   * Whether an article's page is taken over from the previous build (then `linkedFile` names the
   * file). Keyed without its template context when the article and its neighbours have identities;
   * `context` is built only for an article without one.
   */
  reuseArticle(article: Article, context: () => Readonly<Record<string, unknown>>, outputPath = urlToOutputPath(article.url)): boolean {
    const fingerprint = this.articleKey(article) ?? this.fingerprint(articleTemplate, context());
    const file = this.previousFile(article.url, fingerprint, outputPath);
    if (file === undefined) return false;
    this.reused++;
    this.linked.set(article.url, file);
    return true;
  }

  /**
   * A shared page unit's pages to link from the previous build, when what it is made from is
   * unchanged and its files are as that build left it; else undefined, and the caller renders the
   * unit and notes each page it writes with `recordUnitPage`.
   */
  keptUnit(unit: ModelPageUnit): readonly KeptPage[] | undefined {
    const kept = this.units.kept(unit);
    if (kept) this.reused += kept.length;
    return kept;
  }

  /** Note a page of a rendered unit as written, for the next build's `keptUnit`. */
  recordUnitPage(unit: ModelPageUnit, page: Page): void {
    this.units.record(unit, page);
  }

  /** The previous output file to hard-link for a page this build did not render, or undefined. */
  linkedFile(url: string): string | undefined {
    return this.linked.get(url);
  }

  /**
   * A page's other-script copy, and the previous file to link for it when the page itself was
   * linked and the copy is unchanged too (its fingerprint is the page's, marked; counted as reused).
   * A linked page whose old copy is gone has its copy made again from the page's previous text.
   */
  mirrorCopy(page: Page, copy: Page, settings: MirrorSettings): { readonly page: Page; readonly from?: string } {
    const fingerprint = this.current.get(page.url)?.[0];
    if (fingerprint === undefined) return { page: copy };
    const copyFingerprint = `${fingerprint}#mirror`;
    const linked = this.linked.get(page.url);
    if (linked === undefined) {
      this.current.set(copy.url, [copyFingerprint]);
      return { page: copy };
    }
    const from = this.previousFile(copy.url, copyFingerprint);
    if (from !== undefined) {
      this.reused++;
      return { page: copy, from };
    }
    return { page: mirrorPage({ ...page, contents: readFileSync(linked, 'utf8') }, settings) ?? copy };
  }

  /**
   * The previous output file for a page built outside the renderer (the search index) when the
   * previous build recorded the same fingerprint for its URL, under the same theme and tool, and
   * the file is unchanged since; the fingerprint is recorded for the next build either way. The
   * caller counts what it links in `reused`.
   */
  reusableFile(url: string, fingerprint: string): string | undefined {
    return this.previousFile(url, this.themed(fingerprint));
  }

  /**
   * The previous output file for a page built outside the renderer when the previous build recorded
   * `fingerprint` for its URL (under the same theme and tool) and the file is unchanged since; unlike
   * `reusableFile`, nothing is recorded for this build.
   */
  recordedFile(url: string, fingerprint: string): string | undefined {
    return this.unchangedFile(url, this.themed(fingerprint));
  }

  /** The fingerprint the previous build recorded for `url` under this build's theme and tool, if any. */
  recordedFingerprint(url: string): string | undefined {
    const prefix = this.themed('');
    const recorded = this.previous[url]?.[0];
    return recorded?.startsWith(prefix) ? recorded.slice(prefix.length) : undefined;
  }

  /** Record this build's fingerprints beside the output folder it just committed (unless neither changed). */
  async save(output?: OutputRecord): Promise<void> {
    const { writer } = this.options;
    // The same inputs over the same span keep the earlier record: it holds from the earlier build time.
    const record = output && sameSpan(this.previousOutput, output) ? this.previousOutput : output;
    if (writer?.untouched && this.sameFingerprints() && this.units.unchanged && record === this.previousOutput) return;
    const target = manifestPath(this.options.cacheDir, this.options.outDir);
    await mkdir(path.dirname(target), { recursive: true });
    const pages: Record<string, readonly [string, string]> = {};
    for (const [url, record] of this.current) {
      if (record[1] !== undefined) pages[url] = record as readonly [string, string];
      else {
        const stamp = fileStamp(this.fileAt(urlToOutputPath(url)));
        if (stamp !== undefined) pages[url] = [record[0], stamp];
      }
    }
    const files = writer && [...writer.outputs];
    const units = this.units.records();
    const others = files && this.otherStamps(files, pages, units);
    const manifest: PageManifest = {
      outDir: this.options.outDir, dir: await dirStamp(this.options.outDir), pages, ...(files && { files }), units, ...(others && { others }), ...(record && { output: record }),
    };
    const temporary = `${target}.${process.pid}.tmp`;
    // In pieces: at 100,000 articles the text is 66 MB, which whole, with its UTF-8 copy, raised the build's peak by about 150 MB.
    await writeJsonFile(temporary, manifest);
    await rename(temporary, target);
  }

  // The stamps of the written files that neither a page nor a unit records (theme assets, public files, copies); undefined when one is gone.
  private otherStamps(files: readonly string[], pages: PageManifest['pages'], units: PageManifest['units']): Record<string, string> | undefined {
    const recorded = new Set<string>();
    for (const [outputPath] of recordedFiles({ pages, ...(units && { units }) })) recorded.add(outputPath);
    const others: Record<string, string> = {};
    for (const file of files) {
      if (recorded.has(file)) continue;
      const stamp = fileStamp(fileInOutput(this.options.outDir, file));
      if (stamp === undefined) return undefined;
      others[file] = stamp;
    }
    return others;
  }

  private sameFingerprints(): boolean {
    if (this.current.size !== Object.keys(this.previous).length) return false;
    for (const [url, [fingerprint]] of this.current) if (this.previous[url]?.[0] !== fingerprint) return false;
    return true;
  }

  private render(renderer: Renderer, template: string, context: Readonly<Record<string, unknown>>): string {
    const url = (context['page'] as { readonly url?: unknown } | undefined)?.url;
    if (typeof url !== 'string') return renderer.render(template, context);
    const file = this.previousFile(url, this.fingerprint(template, context));
    if (file === undefined) return renderer.render(template, context);
    this.reused++;
    if (!this.options.link) return readFileSync(file, 'utf8');
    // The writer links the file; the page's text is never needed.
    this.linked.set(url, file);
    return '';
  }

  // Records the page's fingerprint (the previous record itself when its file is taken over); the previous file when it had the same one and is unchanged since.
  private previousFile(url: string, fingerprint: string, outputPath = urlToOutputPath(url)): string | undefined {
    const file = this.unchangedFile(url, fingerprint, outputPath);
    this.current.set(url, file === undefined ? [fingerprint] : (this.previous[url] as PageRecord));
    return file;
  }

  // The previous build's file for `url` when it recorded `fingerprint` for it and the file is as that build left it.
  private unchangedFile(url: string, fingerprint: string, outputPath = urlToOutputPath(url)): string | undefined {
    const record = this.previous[url];
    if (record?.[0] !== fingerprint) return undefined;
    // A file changed or removed after the build that wrote it (a step that edits dist/ in place) is rendered again.
    const file = this.fileAt(outputPath);
    return (record[1] as string | undefined) !== undefined && this.asRecorded(file, record[1]) ? file : undefined;
  }

  // A fingerprint as recorded: prefixed with the theme's, which covers the tool's code and the render options.
  private themed(fingerprint: string): string {
    return `${this.options.theme.hash}:${fingerprint}`;
  }

  private fileAt(outputPath: string): string {
    return fileInOutput(this.options.outDir, outputPath);
  }
}

/** Options of `openPageReuse`, as the build knows them. */
export interface OpenPageReuseOptions {
  readonly cacheDir: string | undefined;
  /** The writer into the output folder, which holds the previous build's pages. */
  readonly writer: FsWriter;
  readonly model: SiteModel;
  readonly themeDirs: readonly string[];
  readonly strict: boolean;
  /** The manifest, loaded early (`loadManifest`). */
  readonly manifest?: Promise<LoadedManifest | undefined> | undefined;
  /** The theme's fingerprint (`siteTheme`), when the build already made it. */
  readonly theme?: ThemeFingerprint | undefined;
}

/** Page reuse for a build that keeps a cache and writes files into `outDir`; undefined without a cache (every page is rendered). */
export async function openPageReuse(options: OpenPageReuseOptions): Promise<PageReuse | undefined> {
  const { cacheDir, model } = options;
  if (cacheDir === undefined) return undefined;
  const theme = options.theme ?? (await siteTheme(options.themeDirs, options.strict));
  // The search index is built from the model, not from pages: reused pages are always linked.
  const manifest = options.manifest ?? loadManifest(cacheDir, options.writer.outDir);
  return PageReuse.open({ cacheDir, outDir: options.writer.outDir, writer: options.writer, model, theme, link: true, manifest });
}

/** The fingerprint of the theme folders with the tool's code and the render options, as page reuse keys pages with it. */
export async function siteTheme(themeDirs: readonly string[], strict: boolean): Promise<ThemeFingerprint> {
  return themeFingerprint(themeDirs, `${await toolFingerprint()}\nstrict=${strict}\n`);
}

function sameSpan(previous: OutputRecord | undefined, next: OutputRecord): boolean {
  return previous !== undefined && previous.inputs === next.inputs && previous.until === next.until && previous.since <= next.since;
}
