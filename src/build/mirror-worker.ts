import { parentPort, workerData } from 'node:worker_threads';
import type { Page } from '../render/page.js';
import { mirrorPage, type MirrorSettings } from '../render/mirror.js';

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

// Entry point of a worker thread: the pure mirror step, with the settings given once at start-up.
const settings = (workerData as { settings: MirrorSettings }).settings;

parentPort?.on('message', ({ id, pages }: MirrorBatchRequest) => {
  try {
    const mirrored = pages.map((page) => mirrorPage(page, settings) ?? null);
    parentPort?.postMessage({ id, mirrored } satisfies MirrorBatchReply);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies MirrorBatchReply);
  }
});
