import { parentPort, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../config/schema.js';
import type { SourceFile } from '../source/source-file.js';
import { BodyWriter, type BodyPlace } from './body-store.js';
import { serializeBatch, type SerializedBatch } from './serialized-outcome.js';
import { processSource, type SourceOutcome } from './source-pipeline.js';

/** A batch of sources sent to a worker thread. */
export interface SourceBatchRequest {
  readonly id: number;
  readonly sources: readonly SourceFile[];
}

/** What a source worker is started with. */
export interface SourceWorkerData {
  readonly config: SiteConfig;
  /** Whether the build keeps a content cache: only then are outcomes serialized here, as the cache stores them. */
  readonly serialize: boolean;
  /** The body file (a descriptor the main thread opened) that article bodies go to instead of back as strings. */
  readonly bodyFile?: number;
}

/**
 * A source worker's reply, or why it failed: the outcomes as objects (their bodies emptied when
 * `places` says where they went), and serialized whole when the build caches them (`batch`);
 * a batch alone carries the outcomes.
 */
export interface SourceBatchReply {
  readonly id: number;
  readonly outcomes?: SourceOutcome[];
  /** Where each outcome's article body went in the body file. */
  readonly places?: readonly (BodyPlace | null)[];
  readonly batch?: SerializedBatch;
  readonly error?: string;
}

// Entry point of a worker thread: the pure per-file pipeline, with the config given once at start-up.
const { config, serialize, bodyFile } = workerData as SourceWorkerData;
const bodyWriter = bodyFile === undefined ? undefined : new BodyWriter(bodyFile);

function reply(id: number, outcomes: SourceOutcome[]): void {
  // Serialized here, not by postMessage: the content cache stores these very bytes (bodies included), so the main thread need not serialize them again.
  const batch = serialize ? serializeBatch(outcomes) : undefined;
  // Handed over, not copied: the main thread then holds the batch's only copy, and hands it back once stored.
  const transfer = batch ? [batch.bytes.buffer as ArrayBuffer] : [];
  if (bodyWriter) {
    const written = bodyWriter.write(outcomes);
    parentPort?.postMessage({ id, outcomes: written.outcomes, places: written.places, ...(batch && { batch }) } satisfies SourceBatchReply, transfer);
  } else {
    parentPort?.postMessage((batch ? { id, batch } : { id, outcomes }) satisfies SourceBatchReply, transfer);
  }
}

parentPort?.on('message', (message: SourceBatchRequest | { readonly release: true }) => {
  // A batch buffer handed back once stored: dropped here, it is freed with this thread's young generation.
  if ('release' in message) return;
  const { id, sources } = message;
  try {
    // Structured cloning turns Buffers into plain Uint8Arrays; the decoders want Buffers again (no copy).
    const outcomes = sources.map((s) => processSource({ ...s, bytes: Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength) }, config));
    reply(id, outcomes);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
