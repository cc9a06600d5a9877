import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createRenderer, modelPageUnits, renderAssetPages, renderModelPages, themeDirsFor, type ModelPageUnit } from '../render/index.js';
import type { Renderer, RendererOptions } from '../render/environment.js';
import type { MirrorSettings } from '../render/mirror.js';
import type { Page } from '../render/page.js';
import type { SiteModel } from '../site/types.js';
import type { OutputRegistry } from '../write/collisions.js';
import { FsWriter } from '../write/fs-writer.js';
import type { Writer } from '../write/writer.js';
import { mirrorPages } from './mirror-pages.js';
import { openPageReuse, type PageReuse } from './page-reuse.js';
import type { KeptPage } from './shared-unit-reuse.js';
import type { LoadedManifest } from './page-manifest.js';
import type { ThemeFingerprint } from './page-fingerprint.js';
import type { SitePaths } from './site-paths.js';
import { toolFingerprint } from './tool-fingerprint.js';
import { writeClaimed } from './write-claimed.js';

/** The build options that decide how pages are rendered. */
export interface RenderingOptions {
  readonly cacheDir?: string | undefined;
  readonly strict?: boolean | undefined;
  /** The page manifest of the output folder, loaded as the build began (`loadManifest`). */
  readonly pageManifest?: Promise<LoadedManifest | undefined> | undefined;
  /** The theme's fingerprint (`siteTheme`), when the build already made it. */
  readonly theme?: ThemeFingerprint | undefined;
}

/** Where `writeRendered` puts pages, and what it consults on the way. */
export interface RenderedOutput {
  readonly writer: Writer;
  readonly registry: OutputRegistry;
  readonly diagnostics: Diagnostic[];
  readonly workers: number;
  readonly mirror: MirrorSettings | undefined;
  readonly reuse: PageReuse | undefined;
}

/**
 * Every page but the article pages: each unit of the model's pages (a listing page, a feed, the
 * sitemap...) linked from the previous build when what it is made from did not change (page reuse
 * decides by its key, without rendering it), else rendered and recorded; then the assets.
 */
export async function writeSharedPages(model: SiteModel, renderers: { readonly plain: Renderer; readonly reusing: Renderer }, output: RenderedOutput): Promise<void> {
  const { reuse } = output;
  if (reuse) await writeUnits(model, renderers.plain, reuse, output);
  else await writeRendered(renderModelPages(model, renderers.plain), output);
  await writeRendered(renderAssetPages(renderers.reusing), output);
}

/**
 * The units in order: a kept unit's pages are linked where a cold build would write them, while
 * the rendered ones stream through the 简/繁 step (on threads, ahead of the writes); `order`
 * remembers which comes next.
 */
async function writeUnits(model: SiteModel, renderer: Renderer, reuse: PageReuse, output: RenderedOutput): Promise<void> {
  const { writer, registry, diagnostics, mirror } = output;
  const order: ({ readonly kept: readonly KeptPage[] } | { readonly unit: ModelPageUnit })[] = [];
  function* rendered(): Generator<Page> {
    for (const unit of modelPageUnits(model)) {
      const kept = reuse.keptUnit(unit);
      if (kept) order.push({ kept });
      else for (const page of unit.render(renderer)) yield (order.push({ unit }), page);
    }
  }
  const writeKept = async (): Promise<void> => {
    for (let next = order[0]; next && 'kept' in next; next = order[0]) {
      order.shift();
      for (const { page, from } of next.kept) await writeClaimed(writer, registry, page, diagnostics, false, from);
    }
  };
  for await (const { page, mirrored } of mirrorPages(rendered(), mirror, output.workers)) {
    await writeKept();
    const next = order.shift();
    if (next === undefined || !('unit' in next)) throw new Error(`Internal error: ${page.url} was rendered out of order`);
    for (const written of mirrored ? [page, mirrored] : [page]) {
      await writeClaimed(writer, registry, written, diagnostics);
      reuse.recordUnitPage(next.unit, written);
    }
  }
  await writeKept();
}

/** Write rendered pages in order, each followed by its other-script copy (linked instead when page reuse kept it). */
export async function writeRendered(pages: Iterable<Page>, output: RenderedOutput): Promise<void> {
  const { writer, registry, diagnostics, mirror, reuse } = output;
  // The mirror is its own step (not a template pass) so its cost can be measured apart; on large sites it runs on worker threads.
  for await (const { page, mirrored } of mirrorPages(pages, mirror, output.workers)) {
    await writeClaimed(writer, registry, page, diagnostics, false, reuse?.linkedFile(page.url));
    if (mirrored) {
      const copy = reuse && mirror ? reuse.mirrorCopy(page, mirrored, mirror) : { page: mirrored };
      await writeClaimed(writer, registry, copy.page, diagnostics, false, copy.from);
    }
  }
}

/** The theme's renderer, how it was made, and page reuse when the build has it. */
export interface Rendering {
  readonly renderer: Renderer;
  /** The theme's renderer without page reuse: for pages reuse decided to render. */
  readonly plain: Renderer;
  /** How the renderer was made, for render threads to make their own. */
  readonly options: RendererOptions;
  readonly reuse?: PageReuse;
}

/** The theme's renderer; when the build keeps a cache and writes files, wrapped to skip pages whose inputs did not change. */
export async function openRendering(model: SiteModel, paths: SitePaths, options: RenderingOptions, writer: Writer): Promise<Rendering> {
  const themeDirs = themeDirsFor(paths.templates);
  const strict = options.strict ?? false;
  // With a cache, compiled templates are kept in it: a build that changed no template compiles none (nor do its render threads).
  const compiled = options.cacheDir === undefined ? undefined : { dir: path.join(options.cacheDir, 'templates'), salt: await toolFingerprint() };
  const rendererOptions: RendererOptions = { themeDirs, strict, displayRoot: paths.root, ...(compiled && { compiled }) };
  const renderer = createRenderer(rendererOptions);
  const reuse = writer instanceof FsWriter ? await openPageReuse({ cacheDir: options.cacheDir, writer, model, themeDirs, strict, manifest: options.pageManifest, theme: options.theme }) : undefined;
  return reuse ? { renderer: reuse.wrap(renderer), plain: renderer, options: rendererOptions, reuse } : { renderer, plain: renderer, options: rendererOptions };
}
