import { describe, expect, it } from 'vitest';
import { decodeShard, foldText, shardOf, type Posting } from '../../../src/search/search-core.js';
import { PostingBatch } from '../../../src/search/posting-batch.js';

/** Every token's postings in a batch's segments, as the search page would decode them. */
function decodeAll(segments: readonly Uint8Array[], tokens: readonly string[]): Record<string, Posting> {
  const postings = new Map<string, Posting>();
  for (const token of tokens) decodeShard(segments[shardOf(token, segments.length)] ?? new Uint8Array(0), new Set([token]), postings);
  return Object.fromEntries(postings);
}

describe('PostingBatch', () => {
  it('counts each token per document, flags title tokens, and files each token in its shard', () => {
    const batch = new PostingBatch();
    batch.add(0, '主题教育', '深入开展主题教育。主题');
    batch.add(3, '供暖通知', '主题教育 GDP 2024');
    const segments = batch.encode(64);
    expect(segments).toHaveLength(64);
    expect(decodeAll(segments, ['主题', '教育', '供暖', 'gdp', '2024', '主', '开展'])).toEqual({
      主题: { docs: [0, 3], values: [7, 2] },
      教育: { docs: [0, 3], values: [5, 2] },
      供暖: { docs: [3], values: [3] },
      gdp: { docs: [3], values: [2] },
      '2024': { docs: [3], values: [2] },
      主: { docs: [0, 3], values: [7, 2] },
      开展: { docs: [0], values: [2] },
    });
  });

  it('starts empty again after encode, and the next batch continues the ids', () => {
    const batch = new PostingBatch();
    batch.add(0, '甲', '经济');
    const first = batch.encode(8);
    expect(batch.empty).toBe(true);
    batch.add(1, '乙', '经济发展');
    const second = batch.encode(8);
    const joined = first.map((s, i) => Buffer.concat([s, second[i] ?? new Uint8Array(0)]));
    expect(decodeAll(joined, ['经济', '发展'])).toEqual({ 经济: { docs: [0, 1], values: [2, 2] }, 发展: { docs: [1], values: [2] } });
  });

  it('keeps every one of thousands of distinct bigrams (the hash table grows)', () => {
    const batch = new PostingBatch();
    // Folded first: some of these characters are Traditional and are indexed as their Simplified form.
    const chars = foldText(Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x4e00 + i)).join(''));
    batch.add(0, '', chars + chars.split('').reverse().join(''));
    const segments = batch.encode(32);
    const tokens = [...new Set(Array.from({ length: 399 }, (_, i) => chars.slice(i, i + 2)))];
    const postings = decodeAll(segments, tokens);
    expect(tokens.length).toBeGreaterThan(390);
    expect(Object.keys(postings)).toHaveLength(tokens.length);
    expect(postings[chars.slice(10, 12)]).toEqual({ docs: [0], values: [2] });
  });
});
