import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Article } from '../content/types.js';
import { articlePageContext, articleTemplate } from '../render/article-page.js';
import type { RendererOptions } from '../render/environment.js';
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
  // The threads start with the first page to render: a warm build that reuses every page never pays for them.
  let pool: ArticleRenderPool | undefined;
  const submit = (jobs: ArticleJob[]): Promise<void> => (pool ??= startArticleRenderPool(setup, { workers: options.workers })).submit(jobs);
  try {
    let batch: ArticleJob[] = [];
    for (const article of model.articles) {
      const job = await articlePage(article, options);
      if (job) batch.push(job);
      if (batch.length === batchSize) await submit(batch.splice(0));
    }
    if (batch.length > 0) await submit(batch);
    batch = [];
  } catch (error) {
    await pool?.close();
    throw error;
  }
  return { finish: () => (pool ? finishPool(pool) : Promise.resolve()), close: () => pool?.close() ?? Promise.resolve() };
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
  const page: Page = { ...htmlPage(article.url, '', articleTemplate), origin: article.sourcePath };
  const problem = outputPathProblem(page.outputPath);
  if (problem) throw new Error(`Internal error: output path ${JSON.stringify(page.outputPath)} ${problem}`);
  const copy = mirror && { ...page, ...mirrorLocation(page, mirror) };
  if (reuse?.reuseArticle(article, () => articlePageContext(article, options.model))) {
    await writeClaimed(writer, registry, page, diagnostics, false, reuse.linkedFile(page.url));
    if (copy) {
      const kept = reuse.mirrorCopy(page, copy, mirror);
      await writeClaimed(writer, registry, kept.page, diagnostics, false, kept.from);
    }
    return undefined;
  }
  const context = articlePageContext(article, options.model);
  // A rendered page's copy is rendered too: this only records the copy's fingerprint.
  if (copy) reuse?.mirrorCopy(page, copy, mirror);
  const writes = { page: claim(registry, page, diagnostics), copy: copy !== undefined && claim(registry, copy, diagnostics) };
  // The render thread writes these straight into the staging folder: an in-place update counts them toward its limit.
  if (writes.page) writer.writtenElsewhere(page.outputPath);
  if (copy && writes.copy) writer.writtenElsewhere(copy.outputPath);
  return articleJob(page.url, page.origin, context, writes);
}

function claim(registry: OutputRegistry, page: Page, diagnostics: Diagnostic[]): boolean {
  const collision = registry.claim(page);
  if (collision) diagnostics.push(collision);
  return collision === undefined;
}
