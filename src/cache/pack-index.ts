import { createHash } from 'node:crypto';

/** Where one key's record lies in its pack. */
export interface IndexedRecord {
  readonly key: string;
  readonly offset: number;
  readonly length: number;
}

// "BSX1", the record count, then 42-byte entries (key, 6-byte offset, 4-byte length) in key order, then a checksum.
const magic = 0x42535831;
const headSize = 8;
const entrySize = 42;
const checksumSize = 24;

/** A pack's index: its records sorted by key, in one buffer with a checksum (looked up by binary search, never expanded into objects). */
export function encodePackIndex(records: readonly IndexedRecord[]): Buffer {
  const sorted = [...records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const bytes = Buffer.alloc(headSize + sorted.length * entrySize + checksumSize);
  bytes.writeUInt32BE(magic, 0);
  bytes.writeUInt32BE(sorted.length, 4);
  sorted.forEach((record, i) => {
    const at = headSize + i * entrySize;
    bytes.write(record.key, at, 32, 'hex');
    bytes.writeUIntBE(record.offset, at + 32, 6);
    bytes.writeUInt32BE(record.length, at + 38);
  });
  checksumOf(bytes).copy(bytes, bytes.length - checksumSize);
  return bytes;
}

/** A decoded pack index. */
export class PackIndex {
  private constructor(private readonly bytes: Buffer, readonly size: number) {}

  /** The index in `bytes`, or undefined when they are not a whole index with a matching checksum. */
  static decode(bytes: Buffer): PackIndex | undefined {
    if (bytes.length < headSize + checksumSize || bytes.readUInt32BE(0) !== magic) return undefined;
    const size = bytes.readUInt32BE(4);
    if (bytes.length !== headSize + size * entrySize + checksumSize) return undefined;
    if (!checksumOf(bytes).equals(bytes.subarray(bytes.length - checksumSize))) return undefined;
    return new PackIndex(bytes, size);
  }

  /** Where the record of `key` lies, or undefined. */
  find(key: string): { readonly offset: number; readonly length: number } | undefined {
    const wanted = Buffer.from(key, 'hex');
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = headSize + middle * entrySize;
      const order = this.bytes.compare(wanted, 0, 32, at, at + 32);
      if (order === 0) return { offset: this.bytes.readUIntBE(at + 32, 6), length: this.bytes.readUInt32BE(at + 38) };
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

function checksumOf(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes.subarray(0, bytes.length - checksumSize)).digest().subarray(0, checksumSize);
}
