import { pagesBeforeThreads, workerResourceLimits } from './worker-limits.js';
import { Worker } from 'node:worker_threads';
import type { Page } from '../render/page.js';
import { mirrorPage, type MirrorSettings } from '../render/mirror.js';
import { sharedScriptConverter } from '../text/script.js';
import type { MirrorBatchReply, MirrorBatchRequest, MirrorWorkerSetup } from './mirror-worker.js';

/** A rendered page and its copy in the other script, if it has one. */
export interface MirroredPage {
  readonly page: Page;
  readonly mirrored?: Page;
}

// Always the compiled worker: under vitest this module is TypeScript, which a worker thread cannot load.
const workerUrl = new URL('../../lib/build/mirror-worker.js', import.meta.url);
// Pages per message, and messages ahead of the writes: enough to keep the threads busy, few enough that memory stays flat.
const batchSize = 16;
const batchesAhead = 4;

/**
 * Each page with its mirror copy, in the pages' order. With `workers` > 0, past the first few pages
 * the copies are made on worker threads while this thread renders the next pages (the conversion
 * costs as much as the render); the order, and so the output, is the same as in one thread.
 */
export async function* mirrorPages(pages: Iterable<Page>, settings: MirrorSettings | undefined, workers: number): AsyncGenerator<MirroredPage> {
  const iterator = pages[Symbol.iterator]();
  // The threads start only past the first pages: a warm build renders a few listings (or none), which cost less here than a thread's start.
  const here = settings === undefined || workers === 0 ? Infinity : pagesBeforeThreads;
  for (let i = 0; i < here; i++) {
    const next = iterator.next();
    if (next.done === true) return;
    yield mirroredHere(next.value, settings);
  }
  if (!settings) return;
  yield* mirroredOnThreads({ [Symbol.iterator]: () => iterator }, settings, workers);
}

function mirroredHere(page: Page, settings: MirrorSettings | undefined): MirroredPage {
  const mirrored = settings && mirrorPage(page, settings);
  return mirrored ? { page, mirrored } : { page };
}

async function* mirroredOnThreads(pages: Iterable<Page>, settings: MirrorSettings, workers: number): AsyncGenerator<MirroredPage> {
  let pool: MirrorPool | undefined;
  try {
    const queue: { pages: Page[]; mirrored: Promise<readonly (Page | null)[]> }[] = [];
    let batch: Page[] = [];
    const send = () => {
      const mirrored = (pool ??= startPool(settings, workers)).mirror(batch);
      // Awaited in order later; until then a failed batch must not count as an unhandled rejection.
      mirrored.catch(() => undefined);
      queue.push({ pages: batch, mirrored });
      batch = [];
    };
    for (const page of pages) {
      batch.push(page);
      if (batch.length === batchSize) send();
      while (queue.length > batchesAhead) yield* settle(queue.shift());
    }
    if (batch.length > 0) send();
    while (queue.length > 0) yield* settle(queue.shift());
  } finally {
    await pool?.close();
  }
}

async function* settle(item: { pages: Page[]; mirrored: Promise<readonly (Page | null)[]> } | undefined): AsyncGenerator<MirroredPage> {
  if (item === undefined) return;
  const mirrored = await item.mirrored;
  for (const [i, page] of item.pages.entries()) {
    const copy = mirrored[i];
    yield copy ? { page, mirrored: copy } : { page };
  }
}

interface MirrorPool {
  mirror(pages: readonly Page[]): Promise<readonly (Page | null)[]>;
  close(): Promise<void>;
}

function startPool(settings: MirrorSettings, count: number): MirrorPool {
  const pending = new Map<number, { resolve: (pages: readonly (Page | null)[]) => void; reject: (error: Error) => void }>();
  const setup: MirrorWorkerSetup = { settings, converter: sharedScriptConverter(settings.script) };
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(workerUrl, { workerData: setup, resourceLimits: workerResourceLimits });
    worker.on('message', (reply: MirrorBatchReply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.mirrored) job?.resolve(reply.mirrored);
      else job?.reject(new Error(`Internal error: a mirror worker failed: ${reply.error ?? 'no reply'}`));
    });
    worker.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    return worker;
  });
  let nextId = 0;
  return {
    mirror(pages) {
      const id = nextId++;
      // Round robin: batches are alike in size, and the replies are awaited in order anyway.
      const worker = workers[id % workers.length];
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker?.postMessage({ id, pages } satisfies MirrorBatchRequest);
      });
    },
    close: async () => void (await Promise.all(workers.map((w) => w.terminate()))),
  };
}
