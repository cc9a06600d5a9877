import { deserialize, serialize } from 'node:v8';
import { payloadChecksum } from '../cache/pack-record.js';
import type { SourceOutcome } from './source-pipeline.js';

/** Outcomes serialized where they were made (a worker thread), with each one's length and checksum. */
export interface SerializedBatch {
  readonly bytes: Uint8Array;
  readonly lengths: readonly number[];
  readonly checksums: Uint8Array;
}

/** An outcome's v8 serialization and its checksum, as the content cache stores it. */
export interface SerializedOutcome {
  readonly bytes: Uint8Array;
  readonly checksum: Uint8Array;
}

const serialized = new WeakMap<object, SerializedOutcome>();

/** Serialize a batch of outcomes in the thread that made them: the main thread then neither serializes nor hashes them for the cache. */
export function serializeBatch(outcomes: readonly SourceOutcome[]): SerializedBatch {
  const payloads = outcomes.map((o) => serialize(o));
  return { bytes: ownedConcat(payloads), lengths: payloads.map((p) => p.length), checksums: Buffer.concat(payloads.map(payloadChecksum)) };
}

// Joined into memory of its own, never a slice of Node's shared pool: `bytes.buffer` can then be handed to another thread.
function ownedConcat(pieces: readonly Uint8Array[]): Uint8Array {
  const joined = Buffer.allocUnsafeSlow(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) at += (joined.set(piece, at), piece.length);
  return joined;
}

/** The outcomes of a serialized batch, each remembering its bytes for `serializedOf`. */
export function deserializeBatch(batch: SerializedBatch): SourceOutcome[] {
  const payloads = payloadsOf(batch);
  return remember(payloads.map((payload) => deserialize(payload) as SourceOutcome), payloads, batch);
}

/** `outcomes`, the same ones `batch` holds in order (their bodies possibly elsewhere), each remembering its bytes for `serializedOf`. */
export function attachSerialized(outcomes: SourceOutcome[], batch: SerializedBatch): SourceOutcome[] {
  return remember(outcomes, payloadsOf(batch), batch);
}

// Each outcome's bytes within the batch, by the lengths it lists.
function payloadsOf(batch: SerializedBatch): Buffer[] {
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  let at = 0;
  return batch.lengths.map((length) => {
    const payload = bytes.subarray(at, at + length);
    at += length;
    return payload;
  });
}

function remember(outcomes: SourceOutcome[], payloads: readonly Buffer[], batch: SerializedBatch): SourceOutcome[] {
  const checksums = Buffer.from(batch.checksums.buffer, batch.checksums.byteOffset, batch.checksums.byteLength);
  const size = checksums.length / Math.max(1, payloads.length);
  outcomes.forEach((outcome, i) => serialized.set(outcome, { bytes: payloads[i] ?? Buffer.alloc(0), checksum: checksums.subarray(i * size, (i + 1) * size) }));
  return outcomes;
}

/** The bytes `outcome` was deserialized from, when it came out of `deserializeBatch`. */
export function serializedOf(outcome: SourceOutcome): SerializedOutcome | undefined {
  return serialized.get(outcome);
}

/**
 * Forget the serialized bytes of `outcomes` (after the cache stored them) and return the batch
 * buffers they lay in, which nothing here reads again: the caller can hand them back to their thread.
 */
export function releaseSerialized(outcomes: readonly SourceOutcome[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const outcome of outcomes) {
    const made = serialized.get(outcome);
    if (made === undefined) continue;
    serialized.delete(outcome);
    buffers.add(made.bytes.buffer as ArrayBuffer);
  }
  return [...buffers];
}
