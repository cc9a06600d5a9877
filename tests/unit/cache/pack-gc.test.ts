import { describe, expect, it } from 'vitest';
import { packsToRewrite } from '../../../src/cache/pack-gc.js';

const mb = 1024 * 1024;

describe('packsToRewrite', () => {
  it.each<[string, Record<string, [number, number]>, string[]]>([
    ['a pack still mostly live stays', { a: [100 * mb, 60 * mb] }, []],
    ['a pack less than half live is rewritten', { a: [100 * mb, 49 * mb] }, ['a']],
    ['a pack with nothing live is not copied (it is deleted)', { a: [100 * mb, 0] }, []],
    ['the smallest go once there are more than eight with the new one', Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`p${i}`, [(i + 1) * mb, (i + 1) * mb]])), ['p0', 'p1']],
    ['a sparse pack counts once', { a: [100 * mb, 10 * mb], b: [mb, mb] }, ['a']],
  ])('%s', (_, packs, expected) => {
    const sizes = new Map(Object.entries(packs).map(([name, [size]]) => [name, size]));
    const live = new Map(Object.entries(packs).map(([name, [, bytes]]) => [name, bytes]));
    expect(packsToRewrite(sizes, live).sort()).toEqual(expected);
  });
});
