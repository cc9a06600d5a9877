import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/content/types.js';
import type { Page } from '../../../src/render/page.js';
import { changedTokens, documentPostings, patchSegment, segmentsOf } from '../../../src/search/index-patch.js';
import { PostingBatch } from '../../../src/search/posting-batch.js';
import { decodeShard, parseQuery, rankDocuments, shardOf, type Posting } from '../../../src/search/search-core.js';
import { writeSearchIndex, type SearchIndexReuse, type SearchIndexStats } from '../../../src/search/write-search-index.js';
import { testArticle, testModel } from '../../helpers/model.js';

// A build after a few articles changed in place patches the previous shards instead of indexing
// every article again; what it writes must be, byte for byte, what a build from nothing writes.

const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const shardCount = 16;
const batchSize = 3;

/** The output of the previous build as page reuse sees it: files on disk, each with the fingerprint recorded for it. */
class Output {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-patch-'));
  records = new Map<string, string>();
  constructor() {
    cleanup.push(this.dir);
  }
  file(url: string): string {
    return path.join(this.dir, ...url.slice(1).split('/'));
  }
}

/** Index `articles` against `previous` (none: no reuse), then make what was written the previous output. */
async function indexOnto(previous: Output | undefined, articles: readonly Article[]): Promise<{ output: Output; stats: SearchIndexStats; files: Map<string, Buffer> }> {
  const model = testModel(articles);
  const output = new Output();
  const current = new Map<string, string>();
  const files = new Map<string, Buffer>();
  const reuse: SearchIndexReuse = {
    identity: (article) => createHash('sha256').update(JSON.stringify([(article as Article).title, (article as Article).text, (article as Article).url])).digest('hex'),
    reusableFile(url, fingerprint) {
      current.set(url, fingerprint);
      return previous?.records.get(url) === fingerprint ? previous.file(url) : undefined;
    },
    recordedFile: (url, fingerprint) => (previous?.records.get(url) === fingerprint ? previous.file(url) : undefined),
    recordedFingerprint: (url) => previous?.records.get(url),
  };
  const emit = async (page: Page, from?: string) => {
    const bytes = from === undefined ? Buffer.from(page.contents) : readFileSync(from);
    files.set(page.url, bytes);
    mkdirSync(path.dirname(output.file(page.url)), { recursive: true });
    writeFileSync(output.file(page.url), bytes);
  };
  const stats = await writeSearchIndex(model, emit, { batchSize, shardCount, reuse });
  output.records = current;
  return { output, stats, files };
}

/** What a build from nothing writes for `articles`. */
async function fromNothing(articles: readonly Article[]): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  await writeSearchIndex(testModel(articles), async (page) => void files.set(page.url, Buffer.from(page.contents)), { batchSize, shardCount });
  return files;
}

const bodies = ['市中区扎实开展主题教育，推动高质量发展。', '冬季供暖检查通知：各单位做好准备。', '主题党日活动在社区举行，居民踊跃参加。', 'Open data 开放数据平台上线 2024 版。'];
const site = (): Article[] =>
  Array.from({ length: 11 }, (_, i) =>
    testArticle({ slug: `a${i}`, date: `2024-01-${String(i + 1).padStart(2, '0')} 09:00`, title: `第${i}期 ${['工作简报', '通知公告', '社区动态'][i % 3]}`, text: `${bodies[i % 4]}第${i}段正文。` }),
  );

function shardBytes(files: ReadonlyMap<string, Buffer>): number {
  return [...files].filter(([url]) => url.includes('/s/')).reduce((sum, [, bytes]) => sum + bytes.length, 0);
}

function titles(files: ReadonlyMap<string, Buffer>, query: string): string[] {
  const { tokens } = parseQuery(query);
  const postings = new Map<string, Posting>();
  for (const token of tokens) decodeShard(files.get(`/search-index/s/${shardOf(token, shardCount)}.bin`) as Buffer, new Set(tokens), postings);
  return rankDocuments(tokens, postings).map((r) => (JSON.parse(String(files.get(`/search-index/d/${r.doc}.txt`)).split('\n')[0] ?? '') as { title: string }).title);
}

describe('patching the search index', () => {
  it('writes what a build from nothing writes after an edit, linking the shards no changed token falls in', async () => {
    const first = await indexOnto(undefined, site());
    const edited = site();
    // Documents are numbered oldest first: the article of 2024-01-06 is document 5, in the second batch of three.
    edited[5] = { ...(edited[5] as Article), text: `${(edited[5] as Article).text}补充：供暖时间延长至三月。` };
    const second = await indexOnto(first.output, edited);
    expect(second.files).toEqual(await fromNothing(edited));
    // Only the changed article's document file is written again, and the shards of tokens it gained are patched.
    expect(second.stats.documentBytes).toBeGreaterThan(0);
    expect(second.stats.linked).toBeGreaterThanOrEqual(10 + 1);
    expect(second.stats.shardBytes).toBeGreaterThan(0);
    expect(second.stats.shardBytes).toBeLessThan(shardBytes(second.files));
    expect(titles(second.files, '三月')).toEqual(['第5期 社区动态']);
  });

  it('drops tokens an edit removed and moves the title mark, across several batches at once', async () => {
    const first = await indexOnto(undefined, site());
    const edited = site();
    edited[1] = { ...(edited[1] as Article), title: '主题教育简报', text: '全新内容。' };
    edited[9] = { ...(edited[9] as Article), text: 'Open source 开放源码' };
    const second = await indexOnto(first.output, edited);
    expect(second.files).toEqual(await fromNothing(edited));
    expect(titles(second.files, '主题教育')[0]).toBe('主题教育简报');
    // Patched again on top of a patched index.
    const again = site();
    again[1] = edited[1] as Article;
    const third = await indexOnto(second.output, again);
    expect(third.files).toEqual(await fromNothing(again));
  });

  it('builds the index again when a file the patch needs is not what was recorded', async () => {
    const first = await indexOnto(undefined, site());
    const edited = site();
    edited[4] = { ...(edited[4] as Article), text: '改写后的正文。' };
    // The old document file of the changed article (document 4) is gone from the record: its old postings cannot be known.
    first.output.records.delete('/search-index/d/4.txt');
    const second = await indexOnto(first.output, edited);
    expect(second.files).toEqual(await fromNothing(edited));
    expect(second.stats.linked).toBe(10);
    expect(second.stats.shardBytes).toBe(shardBytes(second.files));
  });

  it('builds the index again when an old document file cannot give back the text indexed (a lone surrogate became U+FFFD)', async () => {
    const damaged = site();
    damaged[3] = { ...(damaged[3] as Article), text: `损坏的文字\uD800在这里` };
    const first = await indexOnto(undefined, damaged);
    const edited = [...damaged];
    edited[3] = { ...(edited[3] as Article), text: '修复后的文字在这里' };
    const second = await indexOnto(first.output, edited);
    expect(second.files).toEqual(await fromNothing(edited));
    expect(second.stats.shardBytes).toBe(shardBytes(second.files));
  });

  it('patches in newly published articles as the next documents, a new batch when the last is full', async () => {
    const first = await indexOnto(undefined, site());
    const published = (n: number) => Array.from({ length: n }, (_, i) => testArticle({ slug: `new${i}`, date: `2024-02-0${i + 1} 09:00`, title: `新闻发布会 ${i}`, text: `发布会介绍了开放数据平台第${i}期。` }));
    // 11 articles in batches of three: one more fills the last batch, two more start a fifth.
    for (const added of [published(1), published(2)]) {
      const next = [...site(), ...added];
      const second = await indexOnto(first.output, next);
      expect(second.files).toEqual(await fromNothing(next));
      expect(second.stats.shardBytes).toBeLessThan(shardBytes(second.files));
      // Every earlier article keeps its document file.
      expect(second.stats.documentBytes).toBe(added.reduce((sum, a, i) => sum + (second.files.get(`/search-index/d/${11 + i}.txt`)?.length ?? 0), 0));
      expect(titles(second.files, '发布会')).toEqual(added.map((a) => a.title).reverse());
    }
  });

  it('patches out the newest articles when they are withdrawn, dropping a batch left empty', async () => {
    const more = [...site(), testArticle({ slug: 'x', date: '2024-02-01 09:00', title: '撤回的稿件', text: '错误内容。' }), testArticle({ slug: 'y', date: '2024-02-02 09:00', title: '另一篇撤回', text: '错误内容二。' })];
    const first = await indexOnto(undefined, more);
    const second = await indexOnto(first.output, site());
    expect(second.files).toEqual(await fromNothing(site()));
    expect(second.stats.shardBytes).toBeLessThan(shardBytes(second.files));
    expect(titles(second.files, '错误')).toEqual([]);
  });

  it('builds the index again when an article is added among the older ones (every later id moves)', async () => {
    const first = await indexOnto(undefined, site());
    const older = [testArticle({ slug: 'old', date: '2023-12-01 09:00', text: '往期内容。' }), ...site()];
    const second = await indexOnto(first.output, older);
    expect(second.files).toEqual(await fromNothing(older));
  });
});

describe('patchSegment', () => {
  it('gives the bytes a batch encodes, whatever order its tokens were met in', () => {
    const texts = ['甲乙丙丁', 'alpha 甲乙 beta', '丙丁戊己 alpha'];
    const encode = (list: readonly string[]) => {
      const batch = new PostingBatch();
      list.forEach((text, doc) => batch.add(doc, doc === 0 ? '标题甲' : '', text));
      return batch.encode(4);
    };
    const before = encode(texts);
    const after = encode([texts[0] as string, '乙丙 gamma', texts[2] as string]);
    const change = changedTokens(documentPostings('', texts[1] as string), documentPostings('', '乙丙 gamma'));
    for (let s = 0; s < 4; s++) {
      const inShard = new Map([...change].filter(([token]) => shardOf(token, 4) === s));
      expect(Buffer.from(patchSegment(before[s] as Uint8Array, [{ doc: 1, tokens: inShard }]))).toEqual(Buffer.from(after[s] as Uint8Array));
    }
  });
});

describe('segmentsOf', () => {
  it('cuts a shard into its batches\' segments, and gives up on blocks out of batch order or cut short', () => {
    const batch = new PostingBatch();
    const segments: Uint8Array[] = [];
    ['甲乙', '乙丙', '丙丁', '甲丁'].forEach((text, doc) => {
      batch.add(doc, '', text);
      if (doc % 2 === 1) segments.push(batch.encode(1)[0] as Uint8Array);
    });
    const shard = Buffer.concat(segments);
    const cut = segmentsOf(shard, 2);
    expect([...(cut ?? [])].map(([batch, bytes]) => [batch, Buffer.from(bytes)])).toEqual([[0, Buffer.from(segments[0] as Uint8Array)], [1, Buffer.from(segments[1] as Uint8Array)]]);
    expect(segmentsOf(Buffer.concat([segments[1] as Uint8Array, segments[0] as Uint8Array]), 2)).toBeUndefined();
    expect(segmentsOf(shard.subarray(0, shard.length - 1), 2)).toBeUndefined();
  });
});
