import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { documentFrom } from '../../src/search/index-files.js';
import { changedTokens, documentPostings } from '../../src/search/index-patch.js';
import { decodeShard, parseQuery, rankDocuments, shardOf, type Posting } from '../../src/search/search-core.js';
import { article, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';
import { fileTree, fileInodes } from '../helpers/tree.js';

// A warm build links the search index from the previous dist/ when no article changed, and each
// unchanged article's document file in any case; the tree always equals a cold build's.

const config = { permalink: '/news/:slug/', mirror: false };
const source = (i: number, title = `第${i}次工作会议`) =>
  article({ title: `"${title}"`, date: `2023-11-${String(i).padStart(2, '0')} 09:00`, column: 'news' }, `历下区扎实推进高质量发展，第${i}项工作稳中有进。`);

const cleanup: (() => void)[] = [];
afterAll(() => cleanup.forEach((f) => f()));

function freshSite(): TempSite {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 20; i++) files[`content/news/a${String(i).padStart(2, '0')}.md`] = source(i);
  const site = makeSite(files, siteConfig(config));
  cleanup.push(() => site.dispose());
  return site;
}

async function diskBuild(site: TempSite, outDir = 'dist', cache = true): Promise<string> {
  const result = await build({ root: site.root, now: fixedNow, outDir, ...(cache && { cacheDir: path.join(site.root, '.cache') }) });
  expect(result.ok).toBe(true);
  return path.join(site.root, outDir);
}

async function coldTree(site: TempSite): Promise<Map<string, string>> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-search-cold-'));
  cleanup.push(() => rmSync(outDir, { recursive: true, force: true }));
  return fileTree(await diskBuild(site, path.relative(site.root, outDir), false));
}

function titlesFor(dir: string, query: string): string[] {
  const { shards } = JSON.parse(readFileSync(path.join(dir, 'search-index/meta.json'), 'utf8')) as { shards: number };
  const { tokens } = parseQuery(query);
  const postings = new Map<string, Posting>();
  for (const t of tokens) decodeShard(readFileSync(path.join(dir, `search-index/s/${shardOf(t, shards)}.bin`)), new Set(tokens), postings);
  return rankDocuments(tokens, postings).map((r) => (JSON.parse(readFileSync(path.join(dir, `search-index/d/${r.doc}.txt`), 'utf8').split('\n')[0] ?? '') as { title: string }).title);
}

describe('the search index on warm builds', () => {
  it('links every index file when nothing changed', async () => {
    const site = freshSite();
    const before = fileInodes(path.join(await diskBuild(site), 'search-index'));
    const dist = await diskBuild(site);
    const after = fileInodes(path.join(dist, 'search-index'));
    expect(after.size).toBe(before.size);
    expect([...after].filter(([name, ino]) => before.get(name) !== ino)).toEqual([]);
    expect(fileTree(dist)).toEqual(await coldTree(site));
  });

  it('rebuilds the shards after an edit and keeps the other articles\' document files', async () => {
    const site = freshSite();
    const first = await diskBuild(site);
    const before = fileInodes(path.join(first, 'search-index'));
    const beforeBytes = fileTree(first);
    writeFileSync(path.join(site.root, 'content/news/a05.md'), source(5, '冬季供暖检查通知'));
    const dist = await diskBuild(site);
    const after = fileInodes(path.join(dist, 'search-index'));
    const changed = [...after].filter(([name, ino]) => before.get(name) !== ino).map(([name]) => name);
    // Oldest first: a05 is document 4 of 0..19.
    expect(changed.filter((n) => n.startsWith('d/'))).toEqual(['d/4.txt']);
    // dist/ is updated in place: a shard rebuilt to the same bytes stays as it was, the others are new files.
    expect(changed.filter((n) => n.startsWith('s/')).length).toBeGreaterThan(0);
    const afterBytes = fileTree(dist);
    for (const name of [...after.keys()].filter((n) => n.startsWith('s/') && !changed.includes(n))) {
      expect(afterBytes.get(`search-index/${name}`)).toBe(beforeBytes.get(`search-index/${name}`));
    }
    expect(titlesFor(dist, '供暖')).toEqual(['冬季供暖检查通知']);
    expect(titlesFor(dist, '第5次')).toEqual([]);
    expect(fileTree(dist)).toEqual(await coldTree(site));
  });

  it('patches only the shards of the tokens an edit changed, edit after edit', async () => {
    const site = freshSite();
    let dist = await diskBuild(site);
    // a05 is document 4, a12 document 11: each edit adds a sentence to the body.
    for (const [file, id, added] of [['a05', 4, '补充说明：供暖时间延长至三月底。'], ['a12', 11, '会议强调优化营商环境。']] as const) {
      const document = () => documentFrom(readFileSync(path.join(dist, `search-index/d/${id}.txt`), 'utf8'));
      const old = document();
      const before = fileInodes(path.join(dist, 'search-index/s'));
      const i = Number(file.slice(1));
      writeFileSync(path.join(site.root, `content/news/${file}.md`), article({ title: `"第${i}次工作会议"`, date: `2023-11-${String(i).padStart(2, '0')} 09:00`, column: 'news' }, `历下区扎实推进高质量发展，第${i}项工作稳中有进。${added}`));
      dist = await diskBuild(site);
      const now = document();
      if (!old || !now) throw new Error('no document file');
      expect(now.text).toContain(added);
      const tokens = changedTokens(documentPostings(old.title, old.text), documentPostings(now.title, now.text));
      const patched = new Set([...tokens.keys()].map((token) => `${shardOf(token, 16)}.bin`));
      const after = fileInodes(path.join(dist, 'search-index/s'));
      const rewritten = [...after].filter(([name, ino]) => before.get(name) !== ino).map(([name]) => name);
      expect(new Set(rewritten)).toEqual(patched);
      expect(rewritten.length).toBeLessThan(16);
      expect(titlesFor(dist, added.slice(0, 4))).toEqual([now.title]);
      expect(fileTree(dist)).toEqual(await coldTree(site));
    }
  });

  it('links the shards no changed token falls in, which a build that cannot read the old postings writes again', async () => {
    const reused = async (patchable: boolean) => {
      const site = freshSite();
      await diskBuild(site);
      if (!patchable) {
        // Without the record of the edited article's old document file (document 4), its old postings are unknown.
        const pages = path.join(site.root, '.cache/pages');
        for (const name of readdirSync(pages)) {
          const manifest = JSON.parse(readFileSync(path.join(pages, name), 'utf8')) as { pages: Record<string, unknown> };
          delete manifest.pages['/search-index/d/4.txt'];
          writeFileSync(path.join(pages, name), JSON.stringify(manifest));
        }
      }
      writeFileSync(path.join(site.root, 'content/news/a05.md'), source(5, '冬季供暖检查通知'));
      const result = await build({ root: site.root, now: fixedNow, cacheDir: path.join(site.root, '.cache') });
      expect(fileTree(path.join(site.root, 'dist'))).toEqual(await coldTree(site));
      return result.stats.reusedPages;
    };
    const patched = await reused(true);
    const rebuilt = await reused(false);
    // The title's tokens fall in some of the 16 shards; the others are linked by the patch.
    expect(patched - rebuilt).toBeGreaterThan(0);
    expect(patched - rebuilt).toBeLessThan(16);
  });

  it('keeps every document file when an article is published, and patches the shards', async () => {
    const site = freshSite();
    const before = fileInodes(path.join(await diskBuild(site), 'search-index'));
    // The newest article takes the next document id, 20; every other keeps its own.
    writeFileSync(path.join(site.root, 'content/news/a21.md'), source(21, '新闻发布会召开'));
    const dist = await diskBuild(site);
    const after = fileInodes(path.join(dist, 'search-index'));
    const changed = [...after].filter(([name, ino]) => before.get(name) !== ino).map(([name]) => name);
    expect(changed.filter((n) => n.startsWith('d/'))).toEqual(['d/20.txt']);
    // The shards written are those the new article's tokens fall in.
    const added = documentFrom(readFileSync(path.join(dist, 'search-index/d/20.txt'), 'utf8'));
    if (!added) throw new Error('no document file');
    const shards = new Set([...documentPostings(added.title, added.text).keys()].map((token) => `s/${shardOf(token, 16)}.bin`));
    expect(new Set(changed.filter((n) => n.startsWith('s/')))).toEqual(shards);
    expect(titlesFor(dist, '发布会')).toEqual(['新闻发布会召开']);
    expect(fileTree(dist)).toEqual(await coldTree(site));
  });
});

