import { createHash } from 'node:crypto';

// "BSR2": a record starts here (a read at a wrong offset almost never finds it).
const magic = 0x42535232;
const keyBytes = 32;
const checksumBytes = 24;

/** Bytes before a record's payload: magic, payload length, the 32-byte key, and the payload's checksum. */
export const recordHeaderSize = 8 + keyBytes + checksumBytes;

/** A payload's checksum (a truncated sha-256): worth computing where the payload is made, off the main thread. */
export function payloadChecksum(payload: Uint8Array): Buffer {
  return createHash('sha256').update(payload).digest().subarray(0, checksumBytes);
}

/**
 * One record as it lies in a pack, in two pieces written one after the other: a header naming its
 * key (a sha-256 in hex), the payload's length and checksum, then the payload itself (not copied).
 */
export function encodeRecord(key: string, payload: Uint8Array, checksum: Uint8Array = payloadChecksum(payload)): [Buffer, Uint8Array] {
  const header = Buffer.allocUnsafe(recordHeaderSize);
  header.writeUInt32BE(magic, 0);
  header.writeUInt32BE(payload.length, 4);
  if (header.write(key, 8, keyBytes, 'hex') !== keyBytes) throw new Error(`Internal error: a pack key must be 64 hex digits, got ${key}`);
  if (checksum.length !== checksumBytes) throw new Error('Internal error: a pack record checksum must be 24 bytes');
  header.set(checksum, 8 + keyBytes);
  return [header, payload];
}

/**
 * The payload of `record` when it is a whole record for `key` whose checksum matches, else
 * undefined: a torn, damaged or misaddressed record is never taken for an entry.
 */
export function decodeRecord(record: Buffer, key: string): Buffer | undefined {
  if (record.length < recordHeaderSize || record.readUInt32BE(0) !== magic) return undefined;
  if (record.readUInt32BE(4) !== record.length - recordHeaderSize) return undefined;
  if (record.toString('hex', 8, 8 + keyBytes) !== key) return undefined;
  const payload = record.subarray(recordHeaderSize);
  return payloadChecksum(payload).equals(record.subarray(8 + keyBytes, recordHeaderSize)) ? payload : undefined;
}
