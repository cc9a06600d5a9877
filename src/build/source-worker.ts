import { parentPort, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../config/schema.js';
import type { SourceFile } from '../source/source-file.js';
import { serializeBatch } from './serialized-outcome.js';
import { processSource } from './source-pipeline.js';

/** A batch of sources sent to a worker thread. */
export interface SourceBatchRequest {
  readonly id: number;
  readonly sources: readonly SourceFile[];
}

// Entry point of a worker thread: the pure per-file pipeline, with the config given once at start-up.
const config = (workerData as { config: SiteConfig }).config;

parentPort?.on('message', ({ id, sources }: SourceBatchRequest) => {
  try {
    // Structured cloning turns Buffers into plain Uint8Arrays; the decoders want Buffers again (no copy).
    const outcomes = sources.map((s) => processSource({ ...s, bytes: Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength) }, config));
    // Serialized here, not by postMessage: the content cache stores these very bytes, so the main thread need not serialize them again.
    parentPort?.postMessage({ id, batch: serializeBatch(outcomes) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
