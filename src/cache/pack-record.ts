import { createHash } from 'node:crypto';

// "BSR1": a record starts here (a read at a wrong offset almost never finds it).
const magic = 0x42535231;
const keyBytes = 32;
const checksumBytes = 24;

/** Bytes before a record's payload: magic, payload length, the 32-byte key, and a checksum of all three with the payload. */
export const recordHeaderSize = 8 + keyBytes + checksumBytes;

/**
 * One record as it lies in a pack: a header naming its key (a sha-256 in hex) and a truncated
 * sha-256 of the header's first 40 bytes and the payload, then the payload.
 */
export function encodeRecord(key: string, payload: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(recordHeaderSize + payload.length);
  record.writeUInt32BE(magic, 0);
  record.writeUInt32BE(payload.length, 4);
  if (record.write(key, 8, keyBytes, 'hex') !== keyBytes) throw new Error(`Internal error: a pack key must be 64 hex digits, got ${key}`);
  record.set(payload, recordHeaderSize);
  checksumOf(record).copy(record, 8 + keyBytes);
  return record;
}

/**
 * The payload of `record` when it is a whole record for `key` whose checksum matches, else
 * undefined: a torn, damaged or misaddressed record is never taken for an entry.
 */
export function decodeRecord(record: Buffer, key: string): Buffer | undefined {
  if (record.length < recordHeaderSize || record.readUInt32BE(0) !== magic) return undefined;
  if (record.readUInt32BE(4) !== record.length - recordHeaderSize) return undefined;
  if (record.toString('hex', 8, 8 + keyBytes) !== key) return undefined;
  const stored = record.subarray(8 + keyBytes, recordHeaderSize);
  return checksumOf(record).equals(stored) ? record.subarray(recordHeaderSize) : undefined;
}

function checksumOf(record: Buffer): Buffer {
  return createHash('sha256').update(record.subarray(0, 8 + keyBytes)).update(record.subarray(recordHeaderSize)).digest().subarray(0, checksumBytes);
}
