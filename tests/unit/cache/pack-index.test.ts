import { describe, expect, it } from 'vitest';
import { PackIndex, encodePackIndex } from '../../../src/cache/pack-index.js';

const keys = Array.from({ length: 300 }, (_, i) => (i * 7919).toString(16).padStart(64, 'f'));
const records = keys.map((key, i) => ({ key, offset: i * 10_000 + 2 ** 33, length: 64 + i }));

describe('pack indexes', () => {
  const index = PackIndex.decode(encodePackIndex(records));

  it.each([0, 1, 150, 299])('find record %i (offsets past 4 GiB kept)', (i) => {
    expect(index?.find(keys[i] ?? '')).toEqual({ offset: i * 10_000 + 2 ** 33, length: 64 + i });
  });

  it('find nothing for a key they do not hold', () => {
    expect(index?.size).toBe(300);
    expect(index?.find('0'.repeat(64))).toBeUndefined();
    expect(index?.find('e'.repeat(64))).toBeUndefined();
  });

  it.each<[string, (bytes: Buffer) => Buffer]>([
    ['cut short', (b) => b.subarray(0, b.length - 1)],
    ['with one byte flipped', (b) => Buffer.concat([b.subarray(0, 20), Buffer.from([(b[20] ?? 0) ^ 1]), b.subarray(21)])],
    ['empty', () => Buffer.alloc(0)],
  ])('are refused %s', (_, damage) => {
    expect(PackIndex.decode(damage(encodePackIndex(records)))).toBeUndefined();
  });
});
