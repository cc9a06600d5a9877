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
  return { bytes: Buffer.concat(payloads), lengths: payloads.map((p) => p.length), checksums: Buffer.concat(payloads.map(payloadChecksum)) };
}

/** The outcomes of a serialized batch, each remembering its bytes for `serializedOf`. */
export function deserializeBatch(batch: SerializedBatch): SourceOutcome[] {
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  const checksums = Buffer.from(batch.checksums.buffer, batch.checksums.byteOffset, batch.checksums.byteLength);
  const size = checksums.length / Math.max(1, batch.lengths.length);
  let at = 0;
  return batch.lengths.map((length, i) => {
    const own = bytes.subarray(at, at + length);
    at += length;
    const outcome = deserialize(own) as SourceOutcome;
    serialized.set(outcome, { bytes: own, checksum: checksums.subarray(i * size, (i + 1) * size) });
    return outcome;
  });
}

/** The bytes `outcome` was deserialized from, when it came out of `deserializeBatch`. */
export function serializedOf(outcome: SourceOutcome): SerializedOutcome | undefined {
  return serialized.get(outcome);
}
