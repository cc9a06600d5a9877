import { mkdir, writeFile } from 'node:fs/promises';
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
const madeParents = new Set<string>();
// Writes in flight: the disk waits happen on the thread pool while this thread renders the next pages.
const writing = new Set<Promise<void>>();
const writeWindow = 16;
let writeFailure: unknown;

// One batch at a time, in order: a batch waiting for the write window must not let the next one start rendering.
let answered = Promise.resolve();
parentPort?.on('message', (request: ArticleRenderRequest) => {
  answered = answered.then(() => answer(request));
});

async function answer({ id, jobs }: ArticleRenderRequest): Promise<void> {
  try {
    if (jobs === undefined) await Promise.all(writing);
    for (const job of jobs ?? []) await renderJob(job);
    if (writeFailure !== undefined) throw writeFailure;
    parentPort?.postMessage({ id } satisfies ArticleRenderReply);
  } catch (error) {
    const reply: ArticleRenderReply = isContentError(error)
      ? { id, diagnostics: error.diagnostics }
      : { id, error: error instanceof Error ? error.message : String(error) };
    parentPort?.postMessage(reply);
  }
}

async function renderJob(job: ArticleJob): Promise<void> {
  const page = htmlPage(job.url, renderer.render(articleTemplate, jobContext(job, setup.site)), articleTemplate);
  if (job.writePage) await put(page.outputPath, page.contents as string);
  const copy = setup.mirror && job.writeCopy ? mirrorPage(page, setup.mirror) : undefined;
  if (copy) await put(copy.outputPath, copy.contents as string);
}

/** Start one write; waits only while the window is full. */
async function put(outputPath: string, contents: string): Promise<void> {
  const target = path.join(setup.staging, ...outputPath.split('/'));
  const write = inDir(path.dirname(target)).then(() => writeFile(target, contents));
  const job = write.then(
    () => void writing.delete(job),
    (error: unknown) => {
      writing.delete(job);
      writeFailure ??= error;
    },
  );
  writing.add(job);
  if (writing.size >= writeWindow) await Promise.race(writing);
}

// Most pages sit in a folder of their own under a folder made already: one plain mkdir, not a
// recursive walk. Only parents are remembered, not every page's own folder (100,000 of them).
async function inDir(dir: string): Promise<void> {
  const parent = path.dirname(dir);
  if (!madeParents.has(parent)) {
    await mkdir(dir, { recursive: true });
    madeParents.add(parent);
    return;
  }
  await mkdir(dir).catch(existing);
}

function existing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EEXIST') throw error;
}
