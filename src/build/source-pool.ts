import { sourceWorkerResourceLimits } from './worker-limits.js';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../config/schema.js';
import type { SourceFile } from '../source/source-file.js';
import type { SourceOutcome } from './source-pipeline.js';
import type { SourceBatchReply, SourceBatchRequest, SourceWorkerData } from './source-worker.js';
import { BodyStore } from './body-store.js';
import { attachSerialized, deserializeBatch, releaseSerialized } from './serialized-outcome.js';

/** Turns sources into outcomes, in order; in this thread or spread over worker threads. */
export interface SourceProcessor {
  /** Process one batch; batches may be in flight at once and each resolves with its own outcomes. */
  process(sources: readonly SourceFile[]): Promise<SourceOutcome[]>;
  /** Stop the worker threads. */
  close(): Promise<void>;
  /** The outcomes' serialized bytes are stored: their memory goes back to the thread that made it. */
  release?(outcomes: readonly SourceOutcome[]): void;
}

// Always the compiled worker: under vitest this module is TypeScript, which a worker thread cannot load.
const workerUrl = new URL('../../lib/build/source-worker.js', import.meta.url);

/** How many worker threads a build of `count` sources should use: none for small sites, where start-up costs more than it saves. */
export function defaultWorkerCount(count: number): number {
  return count < 200 ? 0 : Math.min(availableParallelism(), 8);
}

let pipeline: Promise<typeof import('./source-pipeline.js')> | undefined;

// The pipeline's modules (decoders, repair tables, markdown-it, sanitize-html, YAML) take ~0.2 s to load: a build served from the cache never loads them.
async function processHere(sources: readonly SourceFile[], config: SiteConfig): Promise<SourceOutcome[]> {
  const { processSource } = await (pipeline ??= import('./source-pipeline.js'));
  return sources.map((s) => processSource(s, config));
}

/** A processor that runs every source in the calling thread. */
export function inlineProcessor(config: SiteConfig): SourceProcessor {
  return {
    process: (sources) => processHere(sources, config),
    close: () => Promise.resolve(),
  };
}

interface Pending {
  readonly resolve: (outcomes: SourceOutcome[]) => void;
  readonly reject: (error: Error) => void;
}

/** How a worker processor's threads hand back their outcomes. */
export interface WorkerProcessorOptions {
  /** Also serialized as the content cache stores them (a build with a cache). */
  readonly serialize?: boolean;
  /** Their article bodies written by each thread to a store of its own, read back from there, never sent as strings. */
  readonly storeBodies?: boolean;
}

/**
 * A processor over `count` worker threads, each batch going to the least busy thread. The threads
 * start with the first batch of more than a few sources: a build served (nearly) wholly from the cache never pays for them.
 */
export function workerProcessor(config: SiteConfig, count: number, { serialize = true, storeBodies = false }: WorkerProcessorOptions = {}): SourceProcessor {
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  // The thread each batch buffer came from: handed back once stored, it is freed by that thread's next
  // young-generation collection. Left to this thread's collector, a build's batches piled up (80 MB at 10,000 sources).
  const madeBy = new WeakMap<ArrayBuffer, Worker>();
  let nextId = 0;
  let workers: Worker[] = [];
  const start = (): Worker[] => Array.from({ length: count }, () => {
    // Each thread's body store is opened here, written there, read here: a thread closes the files it opened when it ends.
    const store = storeBodies ? BodyStore.open() : undefined;
    const workerData: SourceWorkerData = { config, serialize, ...(store && { bodyFile: store.fd }) };
    const worker = new Worker(workerUrl, { workerData, resourceLimits: sourceWorkerResourceLimits });
    load.set(worker, 0);
    worker.on('message', (reply: SourceBatchReply) => {
      load.set(worker, (load.get(worker) ?? 1) - 1);
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.batch) madeBy.set(reply.batch.bytes.buffer as ArrayBuffer, worker);
      const outcomes = outcomesOf(reply, store);
      if (outcomes) job?.resolve(outcomes);
      else job?.reject(new Error(reply.error ?? 'Internal error: a source worker failed'));
    });
    worker.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    return worker;
  });
  return {
    process(sources) {
      // A few changed files cost less in this thread than starting threads that load every module again.
      if (workers.length === 0 && sources.length < 8) return processHere(sources, config);
      if (workers.length === 0) workers = start();
      const id = nextId++;
      const worker = workers.reduce((a, b) => ((load.get(a) ?? 0) <= (load.get(b) ?? 0) ? a : b));
      load.set(worker, (load.get(worker) ?? 0) + 1);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, sources } satisfies SourceBatchRequest);
      });
    },
    close: async () => void (await Promise.all(workers.splice(0).map((w) => w.terminate()))),
    release(outcomes) {
      for (const buffer of releaseSerialized(outcomes)) {
        const worker = madeBy.get(buffer);
        if (worker && workers.includes(worker)) worker.postMessage({ release: true }, [buffer]);
      }
    },
  };
}

/**
 * A reply's outcomes: sent as objects (their bodies in the thread's store when it says where, and
 * their serialized form beside them when the build caches them), or only serialized; undefined
 * for a failure.
 */
function outcomesOf(reply: SourceBatchReply, store: BodyStore | undefined): SourceOutcome[] | undefined {
  if (reply.outcomes === undefined) return reply.batch && deserializeBatch(reply.batch);
  const outcomes = reply.places && store ? store.stored(reply.outcomes, reply.places) : reply.outcomes;
  return reply.batch ? attachSerialized(outcomes, reply.batch) : outcomes;
}
