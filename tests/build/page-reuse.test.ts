import { readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build/build.js';
import { article, coldTree, editSite, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';
import { fileTree, fileInodes, keptFiles } from '../helpers/tree.js';

// Warm builds take unchanged pages from the previous dist/ (hard links) instead of rendering them:
// every scenario compares the warm tree with a cold build of the same inputs, byte for byte, and
// uses inode numbers to see which pages were taken over and which were rendered again.

const paragraph = '历下区坚持以人民为中心的发展思想，扎实推进高质量发展，全区经济运行稳中有进。';
const linkable = { permalink: '/news/:slug/', search: false, mirror: false };
const isPage = (rel: string): boolean => rel.endsWith('.html');

function source(i: number, title = `第${i}次工作会议`): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  return article(
    { title: `"${title}"`, date: `2023-11-${day} 09:${String(i % 60).padStart(2, '0')}`, column: 'news', tags: i % 2 ? '[经济]' : '[民生]' },
    `${paragraph.repeat(2)}\n\n## 会议要点\n\n- 第一项 ${i}\n`,
  );
}

const sites: TempSite[] = [];
afterAll(() => sites.forEach((site) => site.dispose()));

function freshSite(config: Record<string, unknown> = linkable): TempSite {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 40; i++) files[`content/news/a${String(i).padStart(3, '0')}.md`] = source(i);
  const site = makeSite(files, siteConfig(config));
  sites.push(site);
  return site;
}

let lastReused = 0;

async function diskBuild(site: TempSite, options: Partial<BuildOptions> = {}): Promise<string> {
  const result = await build({ root: site.root, now: fixedNow, cacheDir: path.join(site.root, '.cache'), ...options });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.ok).toBe(true);
  lastReused = result.stats.reusedPages;
  return path.join(site.root, options.outDir ?? 'dist');
}

/** A cold build of the site as it is now (no cache, a fresh output folder). */

describe('warm builds reuse unchanged pages', () => {
  it.each([0, 2])('counts the 简/繁 copies it keeps as reused too (workers: %i)', async (workers) => {
    const site = freshSite({ permalink: '/news/:slug/', search: false });
    const dist = await diskBuild(site, { workers });
    const before = fileInodes(dist, isPage);
    expect([...before.keys()].some((name) => name.startsWith('zh-hant/news/'))).toBe(true);
    utimesSync(path.join(dist, 'assets/site.css'), new Date(fixedNow), new Date(fixedNow));
    await diskBuild(site, { workers });
    expect(keptFiles(before, dist, isPage)).toEqual([...before.keys()].sort());
    const others = [...fileTree(dist).keys()].filter((n) => !n.endsWith('.html') && !n.startsWith('assets/'));
    expect(lastReused).toBe(before.size + (workers > 0 ? others.length : 0));
  });

  it.each([0, 2])('keeps every HTML page when nothing changed (workers: %i), byte-identical to a cold build', async (workers) => {
    const site = freshSite();
    const dist = await diskBuild(site, { workers });
    const before = fileInodes(dist, isPage);
    // A theme asset touched in dist/ (copied again by any build) keeps the build from being up to date as a whole, so every page is asked for.
    utimesSync(path.join(dist, 'assets/site.css'), new Date(fixedNow), new Date(fixedNow));
    await diskBuild(site, { workers });
    expect(keptFiles(before, dist, isPage)).toEqual([...before.keys()].sort());
    // With render threads the feeds, sitemaps and robots.txt are taken over too; theme assets are always copied.
    const others = [...fileTree(dist).keys()].filter((n) => !n.endsWith('.html') && !n.startsWith('assets/'));
    expect(lastReused).toBe(before.size + (workers > 0 ? others.length : 0));
    expect(fileTree(dist)).toEqual(await coldTree(site, { workers }));
  });

  it('renders again the edited article and every page that shows its title, and nothing else', async () => {
    const site = freshSite();
    const dist = await diskBuild(site);
    const before = fileInodes(dist, isPage);
    editSite(site, 'content/news/a007.md', source(7, '更正：第7次工作会议'));
    await diskBuild(site);
    expect(fileTree(dist)).toEqual(await coldTree(site));
    const showsTitle = [...fileInodes(dist, isPage).keys()].filter((n) => readFileSync(path.join(dist, n), 'utf8').includes('更正：第7次工作会议')).sort();
    // The article, its two neighbours (previous/next links), the home page, its column, its tag and its month.
    expect(showsTitle).toHaveLength(8);
    expect(keptFiles(before, dist, isPage)).toEqual([...before.keys()].filter((n) => !showsTitle.includes(n)).sort());
  });

  it.each([
    ['a new article', (site: TempSite) => editSite(site, 'content/news/a041.md', source(41))],
    ['a removed article', (site: TempSite) => rmSync(path.join(site.root, 'content/news/a013.md'))],
    ['an article moved to another day', (site: TempSite) => editSite(site, 'content/news/a020.md', source(20).replace('2023-11-21', '2023-10-02'))],
  ])('follows %s into every listing, neighbour and archive', async (_, change) => {
    const site = freshSite();
    const dist = await diskBuild(site);
    const before = fileInodes(dist, isPage);
    change(site);
    await diskBuild(site);
    expect(fileTree(dist)).toEqual(await coldTree(site));
    expect(keptFiles(before, dist, isPage).length).toBeGreaterThan(30);
  });

  it('renders every page again when a template changes', async () => {
    const site = freshSite();
    const dist = await diskBuild(site);
    const before = fileInodes(dist, isPage);
    editSite(site, 'templates/article.njk', '{% extends "base.njk" %}{% block main %}<h1 class="new">{{ article.title }}</h1>{{ article.html | safe }}{% endblock %}');
    await diskBuild(site);
    expect(fileTree(dist)).toEqual(await coldTree(site));
    expect(keptFiles(before, dist, isPage)).toEqual([]);
    expect(readFileSync(path.join(dist, 'news/a001/index.html'), 'utf8')).toContain('<h1 class="new">第1次工作会议</h1>');
  });

  it('renders every page again when the config changes', async () => {
    const site = freshSite();
    const dist = await diskBuild(site);
    const before = fileInodes(dist, isPage);
    editSite(site, 'site.config.json', JSON.stringify(siteConfig({ ...linkable, footer: { sponsor: '新的主办单位' } })));
    await diskBuild(site);
    expect(fileTree(dist)).toEqual(await coldTree(site));
    expect(keptFiles(before, dist, isPage)).toEqual([]);
  });

  it.each([
    ['an hour later the same day: every page kept', fixedNow + 3_600_000, 'kept'],
    ['the next day: every page shows the new date', fixedNow + 86_400_000, 'rendered'],
  ])('follows the build time by the day the header prints (%s)', async (_, now, expected) => {
    const site = freshSite();
    const dist = await diskBuild(site);
    const before = fileInodes(dist, isPage);
    await diskBuild(site, { now });
    expect(fileTree(dist)).toEqual(await coldTree(site, { now }));
    expect(keptFiles(before, dist, isPage)).toEqual(expected === 'kept' ? [...before.keys()].sort() : []);
  });

  it('follows the build time to the minute when a template prints the time', async () => {
    const site = freshSite();
    editSite(site, 'templates/partials/header.njk', '<p class="built">{{ site.now | hhmm }}</p>');
    const dist = await diskBuild(site);
    const before = fileInodes(dist, isPage);
    await diskBuild(site, { now: fixedNow + 60_000 });
    expect(fileTree(dist)).toEqual(await coldTree(site, { now: fixedNow + 60_000 }));
    expect(keptFiles(before, dist, isPage)).toEqual([]);
  });

  it('trusts nothing from an output folder that another build replaced without the cache', async () => {
    const site = freshSite();
    const dist = await diskBuild(site);
    editSite(site, 'content/news/a007.md', source(7, '改过的标题'));
    await build({ root: site.root, now: fixedNow });
    editSite(site, 'content/news/a007.md', source(7));
    await diskBuild(site);
    expect(fileTree(dist)).toEqual(await coldTree(site));
  });

  it('renders again a page that was edited or removed in dist/ after the build', async () => {
    const site = freshSite();
    const dist = await diskBuild(site);
    const edited = path.join(dist, 'news/a003/index.html');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('</body>', '<script>track()</script></body>'));
    rmSync(path.join(dist, 'news/a004/index.html'));
    await diskBuild(site);
    expect(fileTree(dist)).toEqual(await coldTree(site));
    expect(lastReused).toBe(fileInodes(dist, isPage).size - 2);
  });

  it('links the 简/繁 copies of unchanged pages too, and makes a missing copy again', async () => {
    const site = freshSite({ permalink: '/news/:slug/', search: false });
    const dist = await diskBuild(site, { workers: 0 });
    const before = fileInodes(dist, isPage);
    expect(before.has('zh-hant/news/a007/index.html')).toBe(true);
    rmSync(path.join(dist, 'zh-hant/news/a003/index.html'));
    editSite(site, 'content/news/a007.md', source(7, '更正：第7次工作会议'));
    await diskBuild(site, { workers: 0 });
    expect(fileTree(dist)).toEqual(await coldTree(site, { workers: 0 }));
    expect(readFileSync(path.join(dist, 'zh-hant/news/a007/index.html'), 'utf8')).toContain('更正：第7次工作會議');
    const keptPages = keptFiles(before, dist, isPage);
    expect(keptPages).toContain('zh-hant/news/a020/index.html');
    expect(keptPages).not.toContain('zh-hant/news/a007/index.html');
    // Every copy follows its page, except the one removed from dist/, made again from its page's text.
    expect(keptPages).toContain('news/a003/index.html');
    expect(keptPages.filter((n) => n.startsWith('zh-hant/'))).toEqual(keptPages.filter((n) => !n.startsWith('zh-hant/') && n !== 'news/a003/index.html').map((n) => `zh-hant/${n}`));
  });

  it('reads unchanged pages back for the mirror and the search index, with the same output', async () => {
    const site = freshSite({ permalink: '/news/:slug/' });
    const dist = await diskBuild(site, { workers: 0 });
    editSite(site, 'content/news/a007.md', source(7, '更正：第7次工作会议'));
    await diskBuild(site, { workers: 0 });
    expect(fileTree(dist)).toEqual(await coldTree(site, { workers: 0 }));
    expect(readFileSync(path.join(dist, 'zh-hant/news/a007/index.html'), 'utf8')).toContain('更正：第7次工作會議');
  }, 60_000);
});

/** Every file's ctime: a file linked into a new tree, renamed or rewritten gets a new one. */
function ctimes(dir: string): Map<string, bigint> {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return new Map(names.map((n) => [n, statSync(path.join(dir, n), { bigint: true }).ctimeNs]));
}

/** Folders under `dir` with nothing in them (a cold build makes none). */
function emptyFolders(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => statSync(path.join(dir, n)).isDirectory() && readdirSync(path.join(dir, n)).length === 0);
}

describe('warm builds update dist/ in place when few pages change', () => {
  it('leaves dist/ untouched when nothing changed: no file or folder is written, linked or renamed', async () => {
    const site = freshSite();
    const dist = await diskBuild(site);
    await diskBuild(site);
    const before = ctimes(dist);
    const folder = statSync(dist, { bigint: true });
    await diskBuild(site);
    expect(ctimes(dist)).toEqual(before);
    expect(statSync(dist, { bigint: true }).ctimeNs).toBe(folder.ctimeNs);
    expect(readdirSync(site.root).filter((n) => n.startsWith('.dist'))).toEqual([]);
  });

  it('moves only the changed pages into dist/, leaving every other file as it was', async () => {
    const site = freshSite();
    const dist = await diskBuild(site);
    const folder = statSync(dist, { bigint: true }).ino;
    const before = ctimes(dist);
    editSite(site, 'content/news/a007.md', source(7, '更正：第7次工作会议'));
    await diskBuild(site);
    expect(fileTree(dist)).toEqual(await coldTree(site));
    expect(statSync(dist, { bigint: true }).ino).toBe(folder);
    const touched = [...ctimes(dist)].filter(([name, ctime]) => before.get(name) !== ctime && name.endsWith('.html')).map(([name]) => name);
    expect(touched).toHaveLength(8);
    expect(touched).toContain('news/a007/index.html');
  });

  it.each([
    ['a deleted article removes its page and folder', (site: TempSite) => rmSync(path.join(site.root, 'content/news/a013.md')), 'news/a013'],
    ['a renamed source moves its page', (site: TempSite) => {
      editSite(site, 'content/news/b013.md', readFileSync(path.join(site.root, 'content/news/a013.md'), 'utf8'));
      rmSync(path.join(site.root, 'content/news/a013.md'));
    }, 'news/a013'],
  ])('%s, in place', async (_, change, gone) => {
    const site = freshSite();
    const dist = await diskBuild(site);
    const folder = statSync(dist, { bigint: true }).ino;
    change(site);
    await diskBuild(site);
    expect(statSync(dist, { bigint: true }).ino).toBe(folder);
    expect(fileTree(dist)).toEqual(await coldTree(site));
    expect(readdirSync(dist, { recursive: true, encoding: 'utf8' }).some((n) => n.startsWith(gone))).toBe(false);
    expect(emptyFolders(dist)).toEqual([]);
  });

  it('serves an article edited to the same size with its mtime put back (ctime gives it away)', async () => {
    const site = freshSite();
    const file = path.join(site.root, 'content/news/a011.md');
    // A whole second, which utimes sets exactly.
    const yesterday = new Date(fixedNow - 86_400_000);
    utimesSync(file, yesterday, yesterday);
    const dist = await diskBuild(site);
    const { size, mtimeNs } = statSync(file, { bigint: true });
    writeFileSync(file, readFileSync(file, 'utf8').replace('第11次工作会议', '第12次工作会议'));
    utimesSync(file, yesterday, yesterday);
    expect(statSync(file, { bigint: true })).toMatchObject({ size, mtimeNs });
    await diskBuild(site);
    expect(fileTree(dist)).toEqual(await coldTree(site));
    expect(readFileSync(path.join(dist, 'news/a011/index.html'), 'utf8')).toContain('第12次工作会议');
  });

  it('reads again a racy source (modified after the previous build began reading) every time, and serves its edits', async () => {
    const site = freshSite();
    const file = path.join(site.root, 'content/news/a005.md');
    const future = new Date(fixedNow + 10 * 365 * 86_400_000);
    utimesSync(file, future, future);
    const dist = await diskBuild(site);
    writeFileSync(file, readFileSync(file, 'utf8').replace('第5次工作会议', '第6次工作会议'));
    utimesSync(file, future, future);
    await diskBuild(site);
    expect(fileTree(dist)).toEqual(await coldTree(site));
    expect(readFileSync(path.join(dist, 'news/a005/index.html'), 'utf8')).toContain('第6次工作会议');
  });

  it('swaps in a whole new tree when more than a tenth of the pages change', async () => {
    const site = freshSite();
    const dist = await diskBuild(site);
    const folder = statSync(dist, { bigint: true }).ino;
    editSite(site, 'templates/partials/header.njk', '<p class="masthead">新版头部</p>');
    await diskBuild(site);
    expect(statSync(dist, { bigint: true }).ino).not.toBe(folder);
    expect(fileTree(dist)).toEqual(await coldTree(site));
  });
});
