import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Renderer } from '../render/environment.js';
import { mirrorPage, type MirrorSettings } from '../render/mirror.js';
import type { Page } from '../render/page.js';
import { siteView } from '../render/site-view.js';
import type { SiteModel } from '../site/types.js';
import { urlToOutputPath } from '../site/urls.js';
import type { FsWriter } from '../write/fs-writer.js';
import { inPlaceLimit } from '../write/in-place-update.js';
import { toolFingerprint } from './content-cache.js';
import { pageFingerprinter, themeFingerprint, type PageFingerprinter, type ThemeFingerprint } from './page-fingerprint.js';

/** What the manifest records about the output folder it describes, and each page's input fingerprint by URL. */
interface PageManifest {
  readonly outDir: string;
  /** The output folder's inode and ctime when the manifest was written: another build swapping in a new folder changes them. */
  readonly dir: string;
  /** Per URL: the input fingerprint, and the file's stamp (inode, size, mtime) as this build left it. */
  readonly pages: Readonly<Record<string, readonly [string, string]>>;
  /** Every output path the build left in the folder: the next in-place update deletes those it no longer produces. */
  readonly files?: readonly string[];
}

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
  private readonly current = new Map<string, string>();
  private readonly linked = new Map<string, string>();

  private constructor(
    private readonly options: PageReuseOptions,
    private readonly previous: ReadonlyMap<string, readonly [string, string]>,
    private readonly fingerprint: PageFingerprinter,
  ) {}

  /** Load the manifest written beside the current output folder (none when it does not match). */
  static async open(options: PageReuseOptions): Promise<PageReuse> {
    const manifest = await readManifest(manifestPath(options), options.outDir);
    if (manifest?.files && options.writer) options.writer.updateInPlace(new Set(manifest.files), inPlaceLimit(manifest.files.length));
    const fingerprint = pageFingerprinter(options.theme, siteView(options.model), options.model.now);
    return new PageReuse(options, new Map(Object.entries(manifest?.pages ?? {})), fingerprint);
  }

  /** `renderer`, skipping renders whose fingerprint the previous build had for the same URL. */
  wrap(renderer: Renderer): Renderer {
    return { ...renderer, render: (template, context) => this.render(renderer, template, context) };
  }

  /** The previous output file to hard-link for a page this build did not render, or undefined. */
  linkedFile(url: string): string | undefined {
    return this.linked.get(url);
  }

  /**
   * A page's other-script copy, and the previous file to link for it when the page itself was
   * linked and the copy is unchanged too (its fingerprint is the page's, marked). A linked page
   * whose old copy is gone has its copy made again from the page's previous text.
   */
  mirrorCopy(page: Page, copy: Page, settings: MirrorSettings): { readonly page: Page; readonly from?: string } {
    const fingerprint = this.current.get(page.url);
    if (fingerprint === undefined) return { page: copy };
    this.current.set(copy.url, `${fingerprint}#mirror`);
    const linked = this.linked.get(page.url);
    if (linked === undefined) return { page: copy };
    const [previous, stamp] = this.previous.get(copy.url) ?? [];
    const file = this.fileOf(copy.url);
    if (previous === `${fingerprint}#mirror` && stamp !== undefined && fileStamp(file) === stamp) return { page: copy, from: file };
    return { page: mirrorPage({ ...page, contents: readFileSync(linked, 'utf8') }, settings) ?? copy };
  }

  /**
   * The previous output file for a page built outside the renderer (the search index) when the
   * previous build recorded the same fingerprint for its URL, under the same theme and tool, and
   * the file is unchanged since; the fingerprint is recorded for the next build either way. The
   * caller counts what it links in `reused`.
   */
  reusableFile(url: string, fingerprint: string): string | undefined {
    const full = `${this.options.theme.hash}:${fingerprint}`;
    this.current.set(url, full);
    const [previous, stamp] = this.previous.get(url) ?? [];
    if (previous !== full) return undefined;
    const file = this.fileOf(url);
    return stamp !== undefined && fileStamp(file) === stamp ? file : undefined;
  }

  /** Record this build's fingerprints beside the output folder it just committed (unless neither changed). */
  async save(): Promise<void> {
    const { writer } = this.options;
    if (writer?.untouched && this.sameFingerprints()) return;
    const target = manifestPath(this.options);
    await mkdir(path.dirname(target), { recursive: true });
    const pages: Record<string, readonly [string, string]> = {};
    for (const [url, fingerprint] of this.current) {
      const stamp = fileStamp(this.fileOf(url));
      if (stamp !== undefined) pages[url] = [fingerprint, stamp];
    }
    const files = writer && [...writer.outputs];
    const manifest: PageManifest = { outDir: this.options.outDir, dir: await dirStamp(this.options.outDir), pages, ...(files && { files }) };
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(manifest));
    await rename(temporary, target);
  }

  private sameFingerprints(): boolean {
    if (this.current.size !== this.previous.size) return false;
    for (const [url, fingerprint] of this.current) if (this.previous.get(url)?.[0] !== fingerprint) return false;
    return true;
  }

  private render(renderer: Renderer, template: string, context: Readonly<Record<string, unknown>>): string {
    const url = (context['page'] as { readonly url?: unknown } | undefined)?.url;
    if (typeof url !== 'string') return renderer.render(template, context);
    const fingerprint = this.fingerprint(template, context);
    this.current.set(url, fingerprint);
    const [previous, stamp] = this.previous.get(url) ?? [];
    if (previous !== fingerprint) return renderer.render(template, context);
    // A file changed or removed after the build that wrote it (a step that edits dist/ in place) is rendered again.
    const file = this.fileOf(url);
    if (stamp === undefined || fileStamp(file) !== stamp) return renderer.render(template, context);
    this.reused++;
    if (!this.options.link) return readFileSync(file, 'utf8');
    // The writer links the file; the page's text is never needed.
    this.linked.set(url, file);
    return '';
  }

  private fileOf(url: string): string {
    return path.join(this.options.outDir, ...urlToOutputPath(url).split('/'));
  }
}

function fileStamp(file: string): string | undefined {
  const info = statSync(file, { bigint: true, throwIfNoEntry: false });
  return info && `${info.ino}:${info.size}:${info.mtimeNs}`;
}

function manifestPath(options: PageReuseOptions): string {
  const name = createHash('sha256').update(options.outDir).digest('hex').slice(0, 16);
  return path.join(options.cacheDir, 'pages', `${name}.json`);
}

async function readManifest(file: string, outDir: string): Promise<PageManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as PageManifest;
    if (manifest.outDir !== outDir || manifest.dir !== (await dirStamp(outDir))) return undefined;
    return manifest;
  } catch {
    // No manifest, an unreadable one, or no output folder: nothing is reused.
    return undefined;
  }
}

async function dirStamp(dir: string): Promise<string> {
  const info = await stat(dir, { bigint: true });
  return `${info.dev}:${info.ino}:${info.ctimeNs}`;
}

/** Options of `openPageReuse`, as the build knows them. */
export interface OpenPageReuseOptions {
  readonly cacheDir: string | undefined;
  /** The writer into the output folder, which holds the previous build's pages. */
  readonly writer: FsWriter;
  readonly model: SiteModel;
  readonly themeDirs: readonly string[];
  readonly strict: boolean;
}

/** Page reuse for a build that keeps a cache and writes files into `outDir`; undefined without a cache (every page is rendered). */
export async function openPageReuse(options: OpenPageReuseOptions): Promise<PageReuse | undefined> {
  const { cacheDir, model } = options;
  if (cacheDir === undefined) return undefined;
  const theme = themeFingerprint(options.themeDirs, `${await toolFingerprint()}\nstrict=${options.strict}\n`);
  // The search index is built from the model, not from pages: reused pages are always linked.
  return PageReuse.open({ cacheDir, outDir: options.writer.outDir, writer: options.writer, model, theme, link: true });
}
