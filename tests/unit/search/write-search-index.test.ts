import { describe, expect, it } from 'vitest';
import { decodeShard, parseQuery, rankDocuments, shardOf, type Posting } from '../../../src/search/search-core.js';
import type { Page } from '../../../src/render/page.js';
import { shardCountFor, writeSearchIndex } from '../../../src/search/write-search-index.js';
import { testArticle, testModel } from '../../helpers/model.js';

const articles = [
  testArticle({ slug: 'a', title: '市中区扎实开展主题教育', date: '2024-01-05', column: 'news' }),
  testArticle({ slug: 'b', title: '冬季供暖检查通知', date: '2024-01-06' }),
  testArticle({ slug: 'c', title: '主题党日活动', date: '2024-01-07' }),
];

async function built(batchSize: number): Promise<Map<string, Page>> {
  const pages = new Map<string, Page>();
  const model = testModel(articles);
  await writeSearchIndex(model, async (page) => void pages.set(page.url, page), { batchSize, shardCount: 16 });
  return pages;
}

function search(pages: ReadonlyMap<string, Page>, query: string): string[] {
  const { tokens } = parseQuery(query);
  const postings = new Map<string, Posting>();
  for (const token of tokens) decodeShard(pages.get(`/search-index/s/${shardOf(token, 16)}.bin`)?.contents as Uint8Array, new Set(tokens), postings);
  return rankDocuments(tokens, postings).map((r) => JSON.parse(String(pages.get(`/search-index/d/${r.doc}.txt`)?.contents).split('\n')[0] ?? '').title as string);
}

describe('writeSearchIndex', () => {
  it('writes meta.json, every shard and one document file per article', async () => {
    const pages = await built(1000);
    expect(JSON.parse(String(pages.get('/search-index/meta.json')?.contents))).toEqual({ format: 2, shards: 16, documents: 3 });
    expect([...pages.keys()].filter((u) => u.includes('/s/'))).toHaveLength(16);
    const first = String(pages.get('/search-index/d/0.txt')?.contents);
    const [head, ...text] = first.split('\n');
    expect(JSON.parse(head ?? '')).toMatchObject({ url: expect.any(String), date: expect.stringMatching(/^2024-01-0\d$/) });
    expect(text.join('\n')).toContain('正文');
  });

  it.each([['主题', ['主题党日活动', '市中区扎实开展主题教育']], ['主題', ['主题党日活动', '市中区扎实开展主题教育']], ['供暖', ['冬季供暖检查通知']], ['教育 党日', []]])(
    'finds %s in article order (newest first)',
    async (query, titles) => {
      expect(search(await built(1000), query)).toEqual(titles);
    },
  );

  it('writes the same files whether the articles are indexed in one batch or spilled one at a time', async () => {
    const one = await built(1000);
    const spilled = await built(1);
    for (const query of ['主题', '供暖', '正文']) expect(search(spilled, query)).toEqual(search(one, query));
    expect([...spilled.keys()].sort()).toEqual([...one.keys()].sort());
  });
});

describe('shardCountFor', () => {
  it.each([[0, 16], [12, 16], [100, 32], [1000, 256], [10_000, 4096], [100_000, 16384], [1_000_000, 16384], [2000, 512]])('gives %i articles %i shards', (n, shards) => {
    expect(shardCountFor(n)).toBe(shards);
  });
});
