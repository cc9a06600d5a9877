import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where a batch's shard segments wait until every batch is encoded. */
export interface SegmentStore {
  /** Keep one batch's segments (one per shard). */
  put(segments: readonly Uint8Array[]): void;
  /** Every batch's segment of one shard, joined in batch order. */
  shard(index: number): Uint8Array;
  /** Release the store (the file, when there is one). */
  close(): void;
}

/** Segments kept in memory: for sites that fit in one or a few batches. */
export function memorySegmentStore(): SegmentStore {
  const batches: (readonly Uint8Array[])[] = [];
  return {
    put: (segments) => void batches.push(segments),
    shard: (index) => Buffer.concat(batches.map((b) => b[index] ?? new Uint8Array(0))),
    close: () => void batches.splice(0),
  };
}

/**
 * Segments spilled to an unlinked temporary file, one write per batch, so a 100,000-article
 * index holds only one batch and one shard in memory at a time.
 */
export function fileSegmentStore(): SegmentStore {
  const file = path.join(os.tmpdir(), `broadsheet-search-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
  const fd = openSync(file, 'w+', 0o600);
  unlinkSync(file);
  let end = 0;
  // Per batch: where it starts in the file and where each shard's segment ends within it.
  const batches: { start: number; ends: Uint32Array }[] = [];
  return {
    put(segments) {
      const joined = Buffer.concat(segments);
      const ends = new Uint32Array(segments.length);
      let at = 0;
      segments.forEach((s, i) => (ends[i] = at += s.length));
      writeSync(fd, joined, 0, joined.length, end);
      batches.push({ start: end, ends });
      end += joined.length;
    },
    shard(index) {
      const parts = batches.map(({ start, ends }) => {
        const from = index === 0 ? 0 : (ends[index - 1] ?? 0);
        return readAt(fd, start + from, (ends[index] ?? from) - from);
      });
      return Buffer.concat(parts);
    },
    close: () => closeSync(fd),
  };
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) throw new Error('Internal error: the search spill file is shorter than written');
    done += read;
  }
  return buffer;
}
