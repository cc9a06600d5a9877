import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createRenderer, renderAssetPages, renderModelPages, themeDirsFor } from '../render/index.js';
import type { Renderer, RendererOptions } from '../render/environment.js';
import type { MirrorSettings } from '../render/mirror.js';
import type { Page } from '../render/page.js';
import type { SiteModel } from '../site/types.js';
import type { OutputRegistry } from '../write/collisions.js';
import { FsWriter } from '../write/fs-writer.js';
import type { Writer } from '../write/writer.js';
import { mirrorPages } from './mirror-pages.js';
import { openPageReuse, type PageReuse } from './page-reuse.js';
import type { SitePaths } from './site-paths.js';
import { writeClaimed } from './write-claimed.js';

/** The build options that decide how pages are rendered. */
export interface RenderingOptions {
  readonly cacheDir?: string | undefined;
  readonly strict?: boolean | undefined;
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
 * Every page but the article pages: the model's pages linked from the previous build when nothing
 * they are made from changed (page reuse decides), else rendered and recorded; then the assets.
 */
export async function writeSharedPages(model: SiteModel, renderer: Renderer, output: RenderedOutput): Promise<void> {
  const { writer, registry, diagnostics, reuse } = output;
  const kept = reuse?.keptSharedPages();
  if (kept) for (const { page, from } of kept) await writeClaimed(writer, registry, page, diagnostics, false, from);
  else await writeRendered(renderModelPages(model, renderer), output, true);
  await writeRendered(renderAssetPages(renderer), output);
}

/** Write rendered pages in order, each followed by its other-script copy; `record` notes them as shared pages for page reuse. */
export async function writeRendered(pages: Iterable<Page>, output: RenderedOutput, record = false): Promise<void> {
  const { writer, registry, diagnostics, mirror, reuse } = output;
  // The mirror is its own step (not a template pass) so its cost can be measured apart; on large sites it runs on worker threads.
  for await (const { page, mirrored } of mirrorPages(pages, mirror, output.workers)) {
    await writeClaimed(writer, registry, page, diagnostics, false, reuse?.linkedFile(page.url));
    if (record) reuse?.recordSharedPage(page);
    if (mirrored) {
      const copy = reuse && mirror ? reuse.mirrorCopy(page, mirrored, mirror) : { page: mirrored };
      await writeClaimed(writer, registry, copy.page, diagnostics, false, copy.from);
      if (record) reuse?.recordSharedPage(copy.page);
    }
  }
}

/** The theme's renderer, how it was made, and page reuse when the build has it. */
export interface Rendering {
  readonly renderer: Renderer;
  /** How the renderer was made, for render threads to make their own. */
  readonly options: RendererOptions;
  readonly reuse?: PageReuse;
}

/** The theme's renderer; when the build keeps a cache and writes files, wrapped to skip pages whose inputs did not change. */
export async function openRendering(model: SiteModel, paths: SitePaths, options: RenderingOptions, writer: Writer): Promise<Rendering> {
  const themeDirs = themeDirsFor(paths.templates);
  const strict = options.strict ?? false;
  const rendererOptions: RendererOptions = { themeDirs, strict, displayRoot: paths.root };
  const renderer = createRenderer(rendererOptions);
  const reuse = writer instanceof FsWriter ? await openPageReuse({ cacheDir: options.cacheDir, writer, model, themeDirs, strict }) : undefined;
  return reuse ? { renderer: reuse.wrap(renderer), options: rendererOptions, reuse } : { renderer, options: rendererOptions };
}
