import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import type { ManifestDelta } from '../../src/build/source-manifest-file.js';
import { readJournal } from '../../src/cache/manifest-journal.js';
import { article, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';
import { treeDigest } from '../helpers/tree.js';

const sites: TempSite[] = [];
afterAll(() => sites.forEach((s) => s.dispose()));

const count = 40;
let writes = 0;

function writeArticle(root: string, name: string, i: number, version: number): void {
  const fields = { title: `第${i}号通报（第${version}版）`, date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, column: 'news' };
  const file = path.join(root, `content/news/${name}.md`);
  writeFileSync(file, article(fields, `第${i}篇正文，第${version}版。\n\n${'社区服务持续改进。'.repeat(20)}`));
  // A time of its own, before the build: never racy (a file written in the clock tick its build begins is read again, a journal entry more).
  const time = Date.now() / 1000 - 3600 + ++writes;
  utimesSync(file, time, time);
}

function newSite(): TempSite {
  const site = makeSite({}, siteConfig({ permalink: '/news/:slug/' }));
  sites.push(site);
  mkdirSync(path.join(site.root, 'content/news'), { recursive: true });
  for (let i = 0; i < count; i++) writeArticle(site.root, `a-${i}`, i, 1);
  return site;
}

const cacheDir = (root: string) => path.join(root, '.cache/broadsheet');
const base = (root: string) => statSync(path.join(cacheDir(root), 'sources.bin'), { bigint: true });
const journal = (root: string) => path.join(cacheDir(root), 'sources.journal');
const journalSize = (root: string) => (existsSync(journal(root)) ? statSync(journal(root)).size : 0);
const packs = (root: string) => readdirSync(path.join(cacheDir(root), 'packs')).filter((n) => n.endsWith('.pack')).sort();

/** Build with the cache into dist/, and without it into reference/: the two trees must be the same. */
async function buildAndCompare(root: string): Promise<void> {
  expect((await build({ root, now: fixedNow, cacheDir: cacheDir(root), workers: 0 })).ok).toBe(true);
  rmSync(path.join(root, 'reference'), { recursive: true, force: true });
  expect((await build({ root, now: fixedNow, outDir: 'reference', workers: 0 })).ok).toBe(true);
  expect(treeDigest(path.join(root, 'dist'))).toBe(treeDigest(path.join(root, 'reference')));
}

describe('the source manifest journal, end to end', () => {
  it('keeps the base through an edit, an addition, a deletion and a rename, every build the tree of a build without cache', async () => {
    const site = newSite();
    const { root } = site;
    await buildAndCompare(root);
    const first = base(root);
    const news = (name: string) => path.join(root, `content/news/${name}.md`);
    const changes: [string, () => void][] = [
      ['edit', () => writeArticle(root, 'a-3', 3, 2)],
      ['add', () => writeArticle(root, 'a-100', 100, 1)],
      ['delete', () => rmSync(news('a-5'))],
      ['rename', () => renameSync(news('a-6'), news('a-60'))],
      ['edit the renamed one', () => writeArticle(root, 'a-60', 6, 3)],
    ];
    for (const [, change] of changes) {
      const before = journalSize(root);
      change();
      await buildAndCompare(root);
      expect(journalSize(root)).toBeGreaterThan(before);
      expect(base(root)).toMatchObject({ ino: first.ino, mtimeNs: first.mtimeNs, size: first.size });
    }
    expect(readFileSync(path.join(root, 'dist/news/a-60/index.html'), 'utf8')).toContain('第6号通报（第3版）');
    // Another config is another salt: base and journal are not read, and a new base replaces both.
    writeFileSync(path.join(root, 'site.config.json'), JSON.stringify(siteConfig({ permalink: '/news/:slug/', title: '另一个新闻网' })));
    await buildAndCompare(root);
    expect(base(root).ino).not.toBe(first.ino);
    expect(existsSync(journal(root))).toBe(false);
  }, 120_000);

  it.each<[string, (bytes: Buffer) => Buffer]>([
    ['cut short (a build killed while appending)', (b) => b.subarray(0, b.length - 7)],
    ['with a byte flipped in its first delta', (b) => Buffer.concat([b.subarray(0, 100), Buffer.from([(b[100] ?? 0) ^ 1]), b.subarray(101)])],
  ])('gives the tree of a build without cache after a journal %s, and writes a new base', async (_, damage) => {
    const site = newSite();
    const { root } = site;
    await buildAndCompare(root);
    for (const i of [1, 2]) {
      writeArticle(root, `a-${i}`, i, 2);
      await buildAndCompare(root);
    }
    writeFileSync(journal(root), damage(readFileSync(journal(root))));
    const before = base(root);
    writeArticle(root, 'a-9', 9, 2);
    await buildAndCompare(root);
    expect(readFileSync(path.join(root, 'dist/news/a-2/index.html'), 'utf8')).toContain('第2号通报（第2版）');
    expect(base(root).ino).not.toBe(before.ino);
    expect(existsSync(journal(root))).toBe(false);
  }, 120_000);

  it('detects an entry whose relocation by pack garbage collection was lost with a torn journal, its old pack deleted', async () => {
    const site = newSite();
    const { root } = site;
    await buildAndCompare(root);
    // Each build adds a pack with one live record; the eighth folds the smallest into its own and deletes it.
    for (let i = 1; i <= 7; i++) {
      writeArticle(root, `a-${i}`, i, 2);
      await buildAndCompare(root);
    }
    const sealed = packs(root);
    const tornAt = journalSize(root);
    writeArticle(root, 'a-8', 8, 2);
    await buildAndCompare(root);
    const folded = sealed.filter((pack) => !packs(root).includes(pack));
    expect(folded).toHaveLength(1);
    // The eighth delta holds a-8 and the folded article's relocated entry.
    const deltas = readJournal(journal(root)).values as ManifestDelta[];
    expect(deltas).toHaveLength(8);
    const relocated = deltas[7]?.entries.filter(([, entry]) => !entry.outcome.path.endsWith('a-8.md')) ?? [];
    expect(relocated.map(([, entry]) => entry.location.pack)).toEqual([deltas[7]?.entries[0]?.[1].location.pack]);
    expect(deltas.slice(0, 7).some((delta) => delta.entries.some(([name, entry]) => name === relocated[0]?.[0] && `${entry.location.pack}.pack` === folded[0]))).toBe(true);
    // Lose the eighth build's delta (its relocation with it): the folded article's older entry points at a deleted pack.
    writeFileSync(journal(root), readFileSync(journal(root)).subarray(0, tornAt + 10));
    writeArticle(root, 'a-20', 20, 2);
    await buildAndCompare(root);
    for (let i = 1; i <= 8; i++) expect(readFileSync(path.join(root, `dist/news/a-${i}/index.html`), 'utf8')).toContain(`第${i}号通报（第2版）`);
  }, 120_000);
});
