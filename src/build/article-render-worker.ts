import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isContentError } from '../diagnostics/content-error.js';
import { useSharedScriptConverter } from '../text/script.js';
import type { ArticleJob } from './article-job.js';
import { articlePageWriter, type ArticleRenderSetup } from './article-page-writer.js';

export type { ArticleRenderSetup } from './article-page-writer.js';

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
if (setup.converter) useSharedScriptConverter(setup.converter);
const writePage = articlePageWriter(setup);

// One batch at a time, in order; every write has landed by the time a batch is answered.
parentPort?.on('message', answer);

function answer({ id, jobs }: ArticleRenderRequest): void {
  try {
    for (const job of jobs ?? []) writePage(job);
    parentPort?.postMessage({ id } satisfies ArticleRenderReply);
  } catch (error) {
    const reply: ArticleRenderReply = isContentError(error)
      ? { id, diagnostics: error.diagnostics }
      : { id, error: error instanceof Error ? error.message : String(error) };
    parentPort?.postMessage(reply);
  }
}
