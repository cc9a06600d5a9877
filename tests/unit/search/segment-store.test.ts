import { describe, expect, it } from 'vitest';
import { fileSegmentStore, memorySegmentStore } from '../../../src/search/segment-store.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe.each([['memory', memorySegmentStore], ['file', fileSegmentStore]])('the %s segment store', (_, open) => {
  it('joins each shard\'s segments in batch order, empty ones included', () => {
    const store = open();
    store.put([bytes(1, 2), bytes(), bytes(3)]);
    store.put([bytes(4), bytes(5, 6), bytes()]);
    store.put([bytes(), bytes(), bytes(7, 8, 9)]);
    expect([0, 1, 2].map((i) => [...store.shard(i)])).toEqual([[1, 2, 4], [5, 6], [3, 7, 8, 9]]);
    store.close();
  });
});
