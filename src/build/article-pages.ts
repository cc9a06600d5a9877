import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Article } from '../content/types.js';
import { articlePageContext, articleTemplate } from '../render/article-page.js';
import type { Renderer, RendererOptions } from '../render/environment.js';
import { htmlPage } from '../render/html-page.js';
import { mirrorLocation, type MirrorSettings } from '../render/mirror.js';
import type { Page } from '../render/page.js';
import { siteView } from '../render/site-view.js';
import type { SiteModel } from '../site/types.js';
import type { OutputRegistry } from '../write/collisions.js';
import type { FsWriter } from '../write/fs-writer.js';
import { outputPathProblem } from '../write/writer.js';
import { articleJob, type ArticleJob } from './article-job.js';
import { startArticleRenderPool, type ArticleRenderPool } from './article-render-pool.js';
import type { PageReuse } from './page-reuse.js';
import { writeClaimed } from './write-claimed.js';

/** What rendering the article pages on worker threads needs from the build. */
export interface ArticlePagesOptions {
  readonly model: SiteModel;
  readonly writer: FsWriter;
  readonly registry: OutputRegistry;
  readonly diagnostics: Diagnostic[];
  readonly renderer: RendererOptions;
  readonly workers: number;
  readonly mirror?: MirrorSettings | undefined;
  /** Decides which pages are taken over from the previous build instead of rendered. */
  readonly reuse?: PageReuse | undefined;
}

/** Article pages still being rendered on the threads. */
export interface ArticlePagesInFlight {
  /** Wait for the last page to be written, then stop the threads; throws the first template error, as one thread would. */
  finish(): Promise<void>;
  /** Stop the threads without waiting (the build failed). */
  close(): Promise<void>;
}

// Pages per message: enough to amortise a message, few enough to share the work evenly at the end.
const batchSize = 32;

/**
 * Claim every article page's output path (and its copy's) in article order, link the pages page
 * reuse keeps, and send the rest to render threads, which write them straight into the staging
 * folder. Resolves once every page is sent: this thread goes on with the other pages meanwhile.
 */
export async function startArticlePages(options: ArticlePagesOptions): Promise<ArticlePagesInFlight> {
  const { model, writer, mirror } = options;
  const setup = { renderer: options.renderer, site: siteView(model), staging: writer.staging, ...(mirror && { mirror }) };
  const pool = startArticleRenderPool(setup, { workers: options.workers });
  try {
    let batch: ArticleJob[] = [];
    for (const article of model.articles) {
      const job = await articlePage(article, options);
      if (job) batch.push(job);
      if (batch.length === batchSize) await pool.submit(batch.splice(0));
    }
    if (batch.length > 0) await pool.submit(batch);
    batch = [];
  } catch (error) {
    await pool.close();
    throw error;
  }
  return { finish: () => finishPool(pool), close: () => pool.close() };
}

async function finishPool(pool: ArticleRenderPool): Promise<void> {
  try {
    await pool.finish();
  } finally {
    await pool.close();
  }
}

/** One article's page: linked from the previous build when reuse allows, else the job that renders it. */
async function articlePage(article: Article, options: ArticlePagesOptions): Promise<ArticleJob | undefined> {
  const { writer, registry, diagnostics, mirror, reuse } = options;
  const context = articlePageContext(article, options.model);
  const page: Page = { ...htmlPage(article.url, '', articleTemplate), origin: article.sourcePath };
  const problem = outputPathProblem(page.outputPath);
  if (problem) throw new Error(`Internal error: output path ${JSON.stringify(page.outputPath)} ${problem}`);
  const copy = mirror && { ...page, ...mirrorLocation(page, mirror) };
  if (reuse && !needsRender(reuse, context)) {
    await writeClaimed(writer, registry, page, diagnostics, false, reuse.linkedFile(page.url));
    if (copy) {
      const kept = reuse.mirrorCopy(page, copy, mirror);
      await writeClaimed(writer, registry, kept.page, diagnostics, false, kept.from);
    }
    return undefined;
  }
  // A rendered page's copy is rendered too: this only records the copy's fingerprint.
  if (copy) reuse?.mirrorCopy(page, copy, mirror);
  const writes = { page: claim(registry, page, diagnostics), copy: copy !== undefined && claim(registry, copy, diagnostics) };
  return articleJob(page.url, page.origin, context, writes);
}

// Page reuse decides by wrapping the renderer: a render that reaches the inner renderer is a page to render.
function needsRender(reuse: PageReuse, context: Readonly<Record<string, unknown>>): boolean {
  let rendered = false;
  const probe: Renderer = {
    render: () => {
      rendered = true;
      return '';
    },
    readAsset: () => new Uint8Array(),
    assetNames: () => [],
  };
  reuse.wrap(probe).render(articleTemplate, context);
  return rendered;
}

function claim(registry: OutputRegistry, page: Page, diagnostics: Diagnostic[]): boolean {
  const collision = registry.claim(page);
  if (collision) diagnostics.push(collision);
  return collision === undefined;
}
