import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isContentError } from '../diagnostics/content-error.js';
import { articleTemplate } from '../render/article-page.js';
import { createRenderer, type RendererOptions } from '../render/environment.js';
import { htmlPage } from '../render/html-page.js';
import { mirrorPage, type MirrorSettings } from '../render/mirror.js';
import type { SiteView } from '../render/site-view.js';
import { jobContext, type ArticleJob } from './article-job.js';

/** What a render worker is given once at start-up. */
export interface ArticleRenderSetup {
  readonly renderer: RendererOptions;
  readonly site: SiteView;
  /** The writer's staging folder: pages are written straight into it. */
  readonly staging: string;
  readonly mirror?: MirrorSettings;
}

/** A batch of article pages to render and write; without jobs, a request to answer once every write has landed. */
export interface ArticleRenderRequest {
  readonly id: number;
  readonly jobs?: readonly ArticleJob[];
}

/** A render worker's answer: done, or the first page that failed (a template's diagnostics, or our own bug). */
export interface ArticleRenderReply {
  readonly id: number;
  readonly diagnostics?: readonly Diagnostic[];
  readonly error?: string;
}

// Entry point of a worker thread: its own nunjucks environment, templates compiled once.
const setup = workerData as ArticleRenderSetup;
const renderer = createRenderer(setup.renderer);

// One batch at a time, in order; every write has landed by the time a batch is answered.
parentPort?.on('message', answer);

function answer({ id, jobs }: ArticleRenderRequest): void {
  try {
    for (const job of jobs ?? []) renderJob(job);
    parentPort?.postMessage({ id } satisfies ArticleRenderReply);
  } catch (error) {
    const reply: ArticleRenderReply = isContentError(error)
      ? { id, diagnostics: error.diagnostics }
      : { id, error: error instanceof Error ? error.message : String(error) };
    parentPort?.postMessage(reply);
  }
}

function renderJob(job: ArticleJob): void {
  const page = htmlPage(job.url, renderer.render(articleTemplate, jobContext(job, setup.site)), articleTemplate);
  if (job.writePage) put(page.outputPath, page.contents as string);
  const copy = setup.mirror && job.writeCopy ? mirrorPage(page, setup.mirror) : undefined;
  if (copy) put(copy.outputPath, copy.contents as string);
}

// Written synchronously: a thread blocking on its own page-cache write costs less than a round trip through
// the libuv pool, which the other render thread and the main thread share. The main thread made the
// folder when it sent the job; a folder missing all the same is made here.
function put(outputPath: string, contents: string): void {
  const target = path.join(setup.staging, ...outputPath.split('/'));
  try {
    writeFileSync(target, contents);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
}
