import { afterEach, describe, expect, it } from 'vitest';
import { decodeShard, parseQuery, rankDocuments, shardOf } from '../../src/search/search-core.js';
import type { MemoryWriter } from '../../src/write/memory-writer.js';
import { article, buildInMemory, makeSite, page, siteConfig, type TempSite } from '../helpers/site.js';

const files = {
  'content/2024/01/a.md': article({ title: '市中区扎实开展主题教育', date: '2024-01-05', column: 'news' }, '第二批主题教育开展以来，市中区深入调查研究。'),
  'content/2024/01/b.md': article({ title: '冬季供暖检查通知', date: '2024-01-06', column: 'notices' }, '各街道办事处：请做好供暖检查。'),
};

let site: TempSite | undefined;
afterEach(() => site?.dispose());

describe('a build with search and the Traditional mirror (the defaults)', () => {
  it.each([
    ['主题教育', ['市中区扎实开展主题教育']],
    ['主題教育', ['市中区扎实开展主题教育']],
    ['检查', ['冬季供暖检查通知']],
    ['供暖 街道', ['冬季供暖检查通知']],
    ['主题 供暖', []],
  ])('writes a search index in which %s finds %j', async (query, titles) => {
    site = makeSite(files);
    const { result, writer } = await buildInMemory(site.root);
    expect(result.ok).toBe(true);
    expect(searchTitles(writer, query)).toEqual(titles);
    expect(page(writer, 'search/index.html')('script[src="/assets/search.js"]').length).toBe(1);
  });

  it('writes every HTML page again under /zh-hant/, and nothing else', async () => {
    site = makeSite(files);
    const { writer } = await buildInMemory(site.root);
    const paths = [...writer.pages.keys()];
    const html = paths.filter((p) => p.endsWith('.html') && !p.startsWith('zh-hant/'));
    expect(paths.filter((p) => p.startsWith('zh-hant/')).sort()).toEqual(html.map((p) => `zh-hant/${p}`).sort());
    expect(page(writer, 'zh-hant/2024/01/b/index.html')('h1').text()).toBe('冬季供暖檢查通知');
  });

  it('builds neither when the config turns them off', async () => {
    site = makeSite(files, siteConfig({ search: false, mirror: false }));
    const { result, writer } = await buildInMemory(site.root);
    expect(result.ok).toBe(true);
    expect([...writer.pages.keys()].filter((p) => /^(zh-hant|search-index|search)\//.test(p))).toEqual([]);
    expect(page(writer, 'index.html')('[data-script-switch], link[hreflang], form[role="search"]').length).toBe(0);
  });
});

/** What the search page would list for a query, read from the built index files. */
function searchTitles(writer: MemoryWriter, query: string): string[] {
  const { shards } = JSON.parse(writer.text('search-index/meta.json')) as { shards: number };
  const { tokens } = parseQuery(query);
  const postings = new Map();
  for (const shard of new Set(tokens.map((t) => shardOf(t, shards)))) {
    const contents = writer.pages.get(`search-index/s/${shard}.bin`)?.contents;
    if (!(contents instanceof Uint8Array)) throw new Error(`no shard ${shard}`);
    decodeShard(contents, new Set(tokens), postings);
  }
  return rankDocuments(tokens, postings).map((r) => JSON.parse(writer.text(`search-index/d/${r.doc}.txt`).split('\n')[0] ?? '') as { title: string }).map((d) => d.title);
}
