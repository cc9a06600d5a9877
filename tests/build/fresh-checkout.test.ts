import { mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/build/build.js';
import { ContentCache } from '../../src/build/content-cache.js';
import { article, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';
import { treeDigest } from '../helpers/tree.js';

const sites: TempSite[] = [];
afterAll(() => sites.forEach((s) => s.dispose()));
afterEach(() => vi.restoreAllMocks());

const count = 40;
const hourAgo = () => Date.now() / 1000 - 3600;

function articleText(i: number, version: number): string {
  const fields = { title: `第${i}号通报（第${version}版）`, date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, column: 'news' };
  return article(fields, `第${i}篇正文，第${version}版。\n\n${'社区服务持续改进。'.repeat(20)}`);
}

/** Write a source as a checkout does: a new file (another inode), stamped an hour ago (never racy). */
function checkOut(file: string, text: string): void {
  rmSync(file, { force: true });
  writeFileSync(file, text);
  utimesSync(file, hourAgo(), hourAgo());
}

const cacheDir = (root: string) => path.join(root, '.cache/broadsheet');

/** Build with the cache into dist/, and without it into reference/: the two trees must be the same. */
async function buildAndCompare(root: string) {
  const result = await build({ root, now: fixedNow, cacheDir: cacheDir(root), workers: 0 });
  expect(result.ok).toBe(true);
  rmSync(path.join(root, 'reference'), { recursive: true, force: true });
  expect((await build({ root, now: fixedNow, outDir: 'reference', workers: 0 })).ok).toBe(true);
  expect(treeDigest(path.join(root, 'dist'))).toBe(treeDigest(path.join(root, 'reference')));
  return result;
}

describe('a fresh checkout of the same sources (every stamp changed, the bytes not)', () => {
  it('restores every unchanged source from the manifest without reading its record, reads the one edited, and records the new stamps', async () => {
    const site = makeSite({}, siteConfig({ permalink: '/news/:slug/' }));
    sites.push(site);
    const news = path.join(site.root, 'content/news');
    mkdirSync(news, { recursive: true });
    for (let i = 0; i < count; i++) checkOut(path.join(news, `a-${i}.md`), articleText(i, 1));
    await buildAndCompare(site.root);

    // The checkout: every file new, one of them edited.
    for (let i = 0; i < count; i++) checkOut(path.join(news, `a-${i}.md`), articleText(i, i === 7 ? 2 : 1));
    const recordsRead = vi.spyOn(ContentCache.prototype, 'get');
    const checkedOut = await buildAndCompare(site.root);
    expect(checkedOut.stats.cached).toBe(count - 1);
    // Only the edited source is looked up by key (and processed); the others' records stay unread.
    expect(recordsRead.mock.calls.length).toBe(1);
    expect(readFileSync(path.join(site.root, 'dist/news/a-7/index.html'), 'utf8')).toContain('第7号通报（第2版）');
    expect(readFileSync(path.join(site.root, 'dist/news/a-8/index.html'), 'utf8')).toContain(`第8篇正文，第1版。`);

    // The new stamps were recorded: the next build reads and hashes no source, and finds dist/ up to date.
    recordsRead.mockClear();
    const keyed = vi.spyOn(ContentCache.prototype, 'keyOf');
    const again = await build({ root: site.root, now: fixedNow, cacheDir: cacheDir(site.root), workers: 0 });
    expect(again.stats.cached).toBe(count);
    expect(again.stats.upToDate).toBe(true);
    expect(keyed.mock.calls.length).toBe(0);
    expect(recordsRead.mock.calls.length).toBe(0);
    expect(readdirSync(path.join(cacheDir(site.root), 'packs')).filter((n) => n.endsWith('.pack'))).toHaveLength(2);
  }, 60_000);

  it('reads a source again when the checkout moved it (the key holds its path)', async () => {
    const site = makeSite({}, siteConfig({ permalink: '/news/:slug/' }));
    sites.push(site);
    const news = path.join(site.root, 'content/news');
    mkdirSync(news, { recursive: true });
    for (let i = 0; i < 6; i++) checkOut(path.join(news, `a-${i}.md`), articleText(i, 1));
    await buildAndCompare(site.root);
    // a-2's bytes now under a-3's name and a-3's under a-2's: each name's recorded entry has another key.
    checkOut(path.join(news, 'a-2.md'), articleText(3, 1));
    checkOut(path.join(news, 'a-3.md'), articleText(2, 1));
    const recordsRead = vi.spyOn(ContentCache.prototype, 'get');
    const swapped = await buildAndCompare(site.root);
    expect(recordsRead.mock.calls.length).toBe(2);
    expect(swapped.stats.cached).toBe(4);
    expect(readFileSync(path.join(site.root, 'dist/news/a-2/index.html'), 'utf8')).toContain('第3号通报（第1版）');
  }, 60_000);
});
