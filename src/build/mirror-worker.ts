import { parentPort, workerData } from 'node:worker_threads';
import type { Page } from '../render/page.js';
import { mirrorPage, type MirrorSettings } from '../render/mirror.js';
import { useSharedScriptConverter, type SharedScriptConverter } from '../text/script.js';

/** A batch of rendered pages sent to a mirror worker thread. */
export interface MirrorBatchRequest {
  readonly id: number;
  readonly pages: readonly Page[];
}

/** A mirror worker's answer: each page's other-script copy (null for pages that have none), or why it failed. */
export interface MirrorBatchReply {
  readonly id: number;
  readonly mirrored?: readonly (Page | null)[];
  readonly error?: string;
}

/** What a mirror worker is given once at start-up. */
export interface MirrorWorkerSetup {
  readonly settings: MirrorSettings;
  /** The starting thread's converter, in shared memory: this thread need not build OpenCC's dictionaries. */
  readonly converter: SharedScriptConverter;
}

// Entry point of a worker thread: the pure mirror step, with the settings given once at start-up.
const { settings, converter } = workerData as MirrorWorkerSetup;
useSharedScriptConverter(converter);

parentPort?.on('message', ({ id, pages }: MirrorBatchRequest) => {
  try {
    const mirrored = pages.map((page) => mirrorPage(page, settings) ?? null);
    parentPort?.postMessage({ id, mirrored } satisfies MirrorBatchReply);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies MirrorBatchReply);
  }
});
