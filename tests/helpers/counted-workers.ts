import path from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';

/** The scripts of the worker threads started since the test cleared it, by file name. */
export const startedWorkers: string[] = [];

/**
 * `node:worker_threads` with a `Worker` that notes each thread it starts in `startedWorkers`, for
 * `vi.mock('node:worker_threads', (real) => countedWorkerThreads(real))` (the real module otherwise).
 */
export async function countedWorkerThreads(importOriginal: () => Promise<typeof WorkerThreads>): Promise<typeof WorkerThreads> {
  const real = await importOriginal();
  class CountedWorker extends real.Worker {
    constructor(script: string | URL, options?: WorkerThreads.WorkerOptions) {
      super(script, options);
      startedWorkers.push(path.basename(String(script)));
    }
  }
  return { ...real, Worker: CountedWorker };
}
