import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord, payloadChecksum, recordHeaderSize } from '../../../src/cache/pack-record.js';

const key = 'ab'.repeat(32);
const otherKey = 'cd'.repeat(32);
const payload = Buffer.from('历下区坚持以人民为中心的发展思想', 'utf8');

function flipped(record: Buffer, at: number): Buffer {
  const copy = Buffer.from(record);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

describe('pack records', () => {
  it('give back the payload of a whole record for its key', () => {
    const record = Buffer.concat(encodeRecord(key, payload));
    expect(record.length).toBe(recordHeaderSize + payload.length);
    expect(decodeRecord(record, key)?.toString('utf8')).toBe('历下区坚持以人民为中心的发展思想');
  });

  it.each<[string, (record: Buffer) => Buffer, string]>([
    ['cut short (a torn write)', (r) => r.subarray(0, r.length - 1), key],
    ['one payload byte flipped (the checksum fails)', (r) => flipped(r, recordHeaderSize + 5), key],
    ['one key byte flipped', (r) => flipped(r, 10), key],
    ['its checksum flipped', (r) => flipped(r, 50), key],
    ['read at a wrong offset (no magic)', (r) => r.subarray(1), key],
    ['asked for under another key', (r) => r, otherKey],
    ['longer than its header says', (r) => Buffer.concat([r, Buffer.from([0])]), key],
  ])('refuse a record %s', (_, damage, asked) => {
    expect(decodeRecord(damage(Buffer.concat(encodeRecord(key, payload))), asked)).toBeUndefined();
  });

  it('refuse a record whose maker gave the checksum of other bytes', () => {
    const record = Buffer.concat(encodeRecord(key, payload, payloadChecksum(Buffer.from('别的内容'))));
    expect(decodeRecord(record, key)).toBeUndefined();
    expect(decodeRecord(Buffer.concat(encodeRecord(key, payload, payloadChecksum(payload))), key)).toEqual(payload);
  });

  it('refuse a key that is not 64 hex digits as our own bug', () => {
    expect(() => encodeRecord('not-a-key', payload)).toThrow(/^Internal error: a pack key must be 64 hex digits/);
  });
});
