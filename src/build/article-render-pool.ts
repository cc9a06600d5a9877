import { workerResourceLimits } from './worker-limits.js';
import { Worker } from 'node:worker_threads';
import { ContentError } from '../diagnostics/content-error.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ArticleJob } from './article-job.js';
import type { ArticleRenderReply, ArticleRenderRequest, ArticleRenderSetup } from './article-render-worker.js';

// Always the compiled worker: under vitest this module is TypeScript, which a worker thread cannot load.
const workerUrl = new URL('../../lib/build/article-render-worker.js', import.meta.url);

/** Worker threads that render article pages into the staging folder, a batch at a time. */
export interface ArticleRenderPool {
  /** Send a batch; resolves once fewer than the limit are in flight, so jobs waiting in queues stay few. */
  submit(jobs: readonly ArticleJob[]): Promise<void>;
  /** Wait for every batch sent; throws the failure of the earliest failed batch, as one thread would have met it first. */
  finish(): Promise<void>;
  /** Stop the threads (after `finish`, or to give up). */
  close(): Promise<void>;
}

/** Options of `startArticleRenderPool`. */
export interface ArticleRenderPoolOptions {
  readonly workers: number;
  /** Batches in flight per thread before `submit` waits. */
  readonly ahead?: number;
}

interface Failure {
  readonly batch: number;
  readonly error: Error;
}

/** Start `workers` render threads, each with its own template environment. */
export function startArticleRenderPool(setup: ArticleRenderSetup, options: ArticleRenderPoolOptions): ArticleRenderPool {
  const limit = options.workers * (options.ahead ?? 16);
  const load = new Map<Worker, number>();
  let inFlight = 0;
  let nextId = 0;
  let failure: Failure | undefined;
  let wake: (() => void) | undefined;
  const fail = (batch: number, error: Error): void => {
    if (failure === undefined || batch < failure.batch) failure = { batch, error };
  };
  const settle = (): void => {
    inFlight--;
    wake?.();
  };
  const workers = Array.from({ length: options.workers }, () => {
    const worker = new Worker(workerUrl, { workerData: setup, resourceLimits: workerResourceLimits });
    load.set(worker, 0);
    worker.on('message', (reply: ArticleRenderReply) => {
      load.set(worker, (load.get(worker) ?? 1) - 1);
      if (reply.diagnostics) fail(reply.id, new ContentError(reply.diagnostics as Diagnostic[]));
      else if (reply.error !== undefined) fail(reply.id, new Error(`Internal error: an article render worker failed: ${reply.error}`));
      settle();
    });
    worker.on('error', (error) => {
      // A thread that died answers none of its batches: fail them all at once.
      fail(-1, error);
      inFlight = 0;
      wake?.();
    });
    return worker;
  });
  const send = (worker: Worker, jobs?: readonly ArticleJob[]): void => {
    load.set(worker, (load.get(worker) ?? 0) + 1);
    inFlight++;
    worker.postMessage({ id: nextId++, ...(jobs && { jobs }) } satisfies ArticleRenderRequest);
  };
  const until = async (ready: () => boolean): Promise<void> => {
    while (!ready()) await new Promise<void>((resolve) => (wake = resolve));
  };
  return {
    async submit(jobs) {
      if (failure !== undefined) throw failure.error;
      send(workers.reduce((a, b) => ((load.get(a) ?? 0) <= (load.get(b) ?? 0) ? a : b)), jobs);
      await until(() => inFlight < limit || failure !== undefined);
    },
    async finish() {
      await until(() => inFlight <= 0);
      // The threads answer a batch once its pages are rendered; their last writes may still be landing.
      for (const worker of workers) send(worker);
      await until(() => inFlight <= 0);
      if (failure !== undefined) throw failure.error;
    },
    close: async () => void (await Promise.all(workers.map((w) => w.terminate()))),
  };
}
