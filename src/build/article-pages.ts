import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Article } from '../content/types.js';
import { articlePageContext, articleTemplate } from '../render/article-page.js';
import type { Renderer, RendererOptions } from '../render/environment.js';
import { htmlPage } from '../render/html-page.js';
import { mirrorLocation, type MirrorSettings } from '../render/mirror.js';
import type { Page } from '../render/page.js';
import { siteView } from '../render/site-view.js';
import type { SiteModel } from '../site/types.js';
import { sharedScriptConverter } from '../text/script.js';
import type { OutputRegistry } from '../write/collisions.js';
import type { FsWriter } from '../write/fs-writer.js';
import { urlToOutputPath } from '../site/urls.js';
import { outputPathProblem } from '../write/writer.js';
import { articleJob, type ArticleJob } from './article-job.js';
import { articlePageWriter, type ArticleRenderSetup } from './article-page-writer.js';
import { startArticleRenderPool, type ArticleRenderPool } from './article-render-pool.js';
import { pagesBeforeThreads } from './worker-limits.js';
import type { PageReuse } from './page-reuse.js';
import { claimOutput, writeClaimed } from './write-claimed.js';

/** What rendering the article pages on worker threads needs from the build. */
export interface ArticlePagesOptions {
  readonly model: SiteModel;
  readonly writer: FsWriter;
  readonly registry: OutputRegistry;
  readonly diagnostics: Diagnostic[];
  readonly renderer: RendererOptions;
  /** This thread's renderer, made from `renderer`: a build that renders few article pages renders them with it, starting no thread. */
  readonly local?: Renderer | undefined;
  readonly workers: number;
  readonly mirror?: MirrorSettings | undefined;
  /** Decides which pages are taken over from the previous build instead of rendered. */
  readonly reuse?: PageReuse | undefined;
}

/** Article pages still being rendered on the threads. */
export interface ArticlePagesInFlight {
  /** Whether the pages are rendered on threads. */
  readonly onThreads: boolean;
  /** Wait for the last page to be written, then stop the threads; throws the first template error, as one thread would. */
  finish(): Promise<void>;
  /** Stop the threads without waiting (the build failed). */
  close(): Promise<void>;
}

// Pages per message: enough to amortise a message, few enough to share the work evenly at the end.
const batchSize = 32;

/**
 * Claim every article page's output path (and its copy's) in article order and link the pages page
 * reuse keeps; then send the rest to render threads, which write them straight into the staging
 * folder. Resolves once every path is claimed: the pages are fed to the threads in the background
 * while this thread renders the other pages (feeding goes first whenever a thread has room).
 */
export async function startArticlePages(options: ArticlePagesOptions): Promise<ArticlePagesInFlight> {
  const { model, writer, mirror } = options;
  // Every article path is claimed before any other page's, so a collision is reported the same way every time.
  const plans = await claimArticlePages(options);
  const setup = { renderer: options.renderer, site: siteView(model), staging: writer.staging, ...(mirror && { mirror }) };
  // The threads start with the first page to render: a warm build that reuses every page never pays for them.
  let pool: ArticleRenderPool | undefined;
  let stopped = false;
  const rendered = countRendered(plans);
  const workers = Math.min(options.workers, Math.ceil(rendered / pagesPerThread));
  // A thread costs ~0.3 s of CPU to start (modules, templates): a build that renders a few pages (one article changed) renders them here.
  const sink: JobSink = options.local && rendered <= pagesBeforeThreads
    ? renderHere(options.local, setup, writer)
    : { threads: true, submit: (jobs) => (pool ??= startArticleRenderPool(threadSetup(setup), { workers })).submit(jobs) };
  if (sink.threads) stagedElsewhere(options, plans);
  const feeding = feed(options, plans, sink, () => stopped);
  // Seen by `finish`; until then a failure must not surface as an unhandled rejection.
  feeding.catch(() => undefined);
  const close = async (): Promise<void> => {
    stopped = true;
    await pool?.close();
  };
  const finish = async (): Promise<void> => {
    try {
      await feeding;
      if (pool) await pool.finish();
    } finally {
      await close();
    }
  };
  return { onThreads: sink.threads, finish, close };
}

// Pages to render for each thread started beyond the first.
const pagesPerThread = 256;

function countRendered(plans: Uint8Array): number {
  let count = 0;
  for (const plan of plans) if (plan & render) count++;
  return count;
}

// Per article: whether it is rendered, and whether its page and its copy are written (a colliding one is rendered, not written).
const render = 1;
const writePage = 2;
const writeCopy = 4;

/** Claim each article's paths in order, linking the pages reuse keeps; one byte of plan per article, not a job held in memory. */
async function claimArticlePages(options: ArticlePagesOptions): Promise<Uint8Array> {
  const plans = new Uint8Array(options.model.articles.length);
  let i = 0;
  for (const article of options.model.articles) plans[i++] = await claimArticlePage(article, options);
  return plans;
}

/** Where the jobs go: to render threads, which write into the staging folder themselves, or to this thread. */
interface JobSink {
  readonly threads: boolean;
  submit(jobs: ArticleJob[]): Promise<void>;
}

/** A render thread's setup: with the mirror, this thread's converter too, shared so that no thread builds its own. */
function threadSetup(setup: ArticleRenderSetup): ArticleRenderSetup {
  return setup.mirror ? { ...setup, converter: sharedScriptConverter(setup.mirror.script) } : setup;
}

/**
 * This thread renders the jobs with its own renderer, and writes the pages through the writer like
 * any other page: an in-place update leaves a page rendered again to the same bytes (a changed
 * article's neighbours) where it is, instead of moving an identical file in.
 */
function renderHere(renderer: Renderer, setup: ArticleRenderSetup, writer: FsWriter): JobSink {
  const writes: Promise<void>[] = [];
  const writePage = articlePageWriter(setup, renderer, (page) => void writes.push(writer.write(page)));
  return {
    threads: false,
    async submit(jobs) {
      jobs.forEach(writePage);
      await Promise.all(writes.splice(0));
    },
  };
}

/** Send the jobs of the articles to render, a batch at a time, in article order. */
async function feed({ model, writer, mirror }: ArticlePagesOptions, plans: Uint8Array, sink: JobSink, stopped: () => boolean): Promise<void> {
  let batch: ArticleJob[] = [];
  for (let i = 0; i < plans.length && !stopped(); i++) {
    const plan = plans[i] ?? 0;
    const article = model.articles[i];
    if (!(plan & render) || article === undefined) continue;
    const context = articlePageContext(article, model);
    // The folders of a thread's files are made here, on the way, a few hundred pages ahead of the threads.
    if (sink.threads) for (const file of jobFiles(article, plan, mirror)) writer.makeFolderFor(file);
    batch.push(articleJob(article.url, article.sourcePath, context, { page: (plan & writePage) !== 0, copy: (plan & writeCopy) !== 0 }));
    if (batch.length === batchSize) await sink.submit(batch.splice(0));
  }
  if (batch.length > 0 && !stopped()) await sink.submit(batch);
}

/** The files of each article's job: its page's, and its copy's (a colliding one is rendered, not written). */
function jobFiles(article: Article, plan: number, mirror: MirrorSettings | undefined): string[] {
  const outputPath = urlToOutputPath(article.url);
  const copy = mirror && plan & writeCopy ? [mirrorLocation({ url: article.url, outputPath }, mirror).outputPath] : [];
  return plan & writePage ? [outputPath, ...copy] : copy;
}

/** The render threads write straight into the staging folder: an in-place update moves their files in, and counts them toward its limit. */
function stagedElsewhere({ model, writer, mirror }: ArticlePagesOptions, plans: Uint8Array): void {
  plans.forEach((plan, i) => {
    const article = model.articles[i];
    if (plan & render && article !== undefined) for (const file of jobFiles(article, plan, mirror)) writer.writtenElsewhere(file);
  });
}

/** One article's page: linked from the previous build when reuse allows (plan 0), else its paths claimed for a render thread. */
async function claimArticlePage(article: Article, options: ArticlePagesOptions): Promise<number> {
  const { writer, registry, diagnostics, mirror, reuse } = options;
  const page: Page = { ...htmlPage(article.url, '', articleTemplate), origin: article.sourcePath };
  const problem = outputPathProblem(page.outputPath);
  if (problem) throw new Error(`Internal error: output path ${JSON.stringify(page.outputPath)} ${problem}`);
  const copy = mirror && { ...page, ...mirrorLocation(page, mirror) };
  if (reuse?.reuseArticle(article, () => articlePageContext(article, options.model), page.outputPath)) {
    await writeClaimed(writer, registry, page, diagnostics, false, reuse.linkedFile(page.url));
    if (copy) {
      const kept = reuse.mirrorCopy(page, copy, mirror);
      await writeClaimed(writer, registry, kept.page, diagnostics, false, kept.from);
    }
    return 0;
  }
  // A rendered page's copy is rendered too: this only records the copy's fingerprint.
  if (copy) reuse?.mirrorCopy(page, copy, mirror);
  const writes = { page: claimOutput(registry, page, diagnostics), copy: copy !== undefined && claimOutput(registry, copy, diagnostics) };
  return render | (writes.page ? writePage : 0) | (writes.copy ? writeCopy : 0);
}
