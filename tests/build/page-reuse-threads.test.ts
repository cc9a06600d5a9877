import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build/build.js';
import { article, coldTree, editSite, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';
import { fileTree, fileInodes, keptFiles } from '../helpers/tree.js';

// With render threads, article pages are keyed without their template context (identity,
// neighbours, one per-build hash) and the listings, feeds and sitemaps are taken over whole when
// the model's inputs are unchanged. Each scenario changes one input the templates or outputs see,
// then compares the warm tree with a single-threaded cold build byte for byte; inode numbers tell
// which files were taken over.

const paragraph = '历下区坚持以人民为中心的发展思想，扎实推进高质量发展，全区经济运行稳中有进。';
const linkable = { permalink: '/news/:slug/', search: false, mirror: false };
const threads = { workers: 2 };
const hour = 3_600_000;
const notAsset = (rel: string): boolean => !rel.startsWith('assets/');

function source(i: number, title = `第${i}次工作会议`, date = `2023-11-${String((i % 28) + 1).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')}`): string {
  const tags = i % 2 ? '[经济]' : '[民生]';
  return article({ title: `"${title}"`, date, column: 'news', tags }, `${paragraph.repeat(2)}\n\n## 会议要点\n\n- 第一项 ${i}\n`);
}

const sites: TempSite[] = [];
afterAll(() => sites.forEach((site) => site.dispose()));

function freshSite(config: Record<string, unknown> = siteConfig(linkable), recent = true): TempSite {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 40; i++) files[`content/news/a${String(i).padStart(3, '0')}.md`] = source(i);
  // Published 2024-01-08 12:30 in Shanghai: in the news sitemap's two-day window at fixedNow, out of it an hour later.
  if (recent) files['content/news/a041.md'] = source(41, '第41次工作会议', '2024-01-08 12:30');
  const site = makeSite(files, config);
  sites.push(site);
  return site;
}

async function diskBuild(site: TempSite, options: Partial<BuildOptions> = {}): Promise<string> {
  const result = await build({ root: site.root, now: fixedNow, cacheDir: path.join(site.root, '.cache'), ...threads, ...options });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.ok).toBe(true);
  return path.join(site.root, 'dist');
}

const html = (names: readonly string[]): string[] => names.filter((n) => n.endsWith('.html'));
const outputs = ['feed.xml', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt', 'atom.xml', 'feed.json'];

describe('warm builds with render threads', () => {
  it.each([
    ['nothing', () => undefined, fixedNow, (k: string[], all: string[], _dist: string) => expect(k).toEqual(all)],
    ['an article\'s title', (s: TempSite) => editSite(s, 'content/news/a007.md', source(7, '更正：第7次工作会议')), fixedNow,
      (k: string[], all: string[], dist: string) => {
        // The article, its neighbours (previous/next links), the home page, its column, its tag and its month.
        const showsTitle = html(all).filter((n) => readFileSync(path.join(dist, n), 'utf8').includes('更正：第7次工作会议'));
        expect(showsTitle).toHaveLength(8);
        expect(html(k)).toEqual(html(all).filter((n) => !showsTitle.includes(n)));
      }],
    ['an article template', (s: TempSite) => editSite(s, 'templates/article.njk', '{% extends "base.njk" %}{% block main %}<h1 class="new">{{ article.title }}</h1>{% endblock %}'), fixedNow,
      (k: string[]) => expect(k).toEqual([])],
    ['the config', (s: TempSite) => editSite(s, 'site.config.json', JSON.stringify(siteConfig({ ...linkable, columns: [{ key: 'news', name: '要闻动态' }] }))), fixedNow,
      (k: string[]) => expect(k).toEqual([])],
    ['the build time, an hour later the same day', () => undefined, fixedNow + hour,
      // Only the news sitemap's window moved (the empty column's feeds are dated by the newest article, not the build time).
      (k: string[], all: string[]) => expect(k).toEqual(all.filter((n) => n !== 'news-sitemap.xml'))],
    ['the build time, the next day', () => undefined, fixedNow + 24 * hour, (k: string[]) => expect(html(k)).toEqual([])],
  ])('after a change to %s: byte-identical to a cold single-threaded build, taking over only what did not change', async (_, change, now, check) => {
    const site = freshSite();
    const dist = await diskBuild(site);
    const before = fileInodes(dist);
    change(site);
    await diskBuild(site, { now });
    const after = fileTree(dist);
    expect(after).toEqual(await coldTree(site, { now }));
    check(keptFiles(before, dist, notAsset), [...after.keys()].filter((n) => !n.startsWith('assets/')), dist);
  });

  it('takes over the feeds and sitemaps, and sees the news sitemap lose an article leaving its two-day window', async () => {
    // Only the news sitemap's window tells the builds apart.
    const site = freshSite(siteConfig({ ...linkable, columns: [{ key: 'news', name: '工作动态' }] }));
    const dist = await diskBuild(site);
    expect(readFileSync(path.join(dist, 'news-sitemap.xml'), 'utf8')).toContain('/news/a041/');
    const before = fileInodes(dist);
    await diskBuild(site, { now: fixedNow + hour });
    expect(keptFiles(before, dist, notAsset)).toEqual(expect.arrayContaining(outputs.filter((n) => n !== 'news-sitemap.xml')));
    expect(readFileSync(path.join(dist, 'news-sitemap.xml'), 'utf8')).not.toContain('/news/a041/');
    expect(fileTree(dist)).toEqual(await coldTree(site, { now: fixedNow + hour }));
  });

  it("takes over an empty column's feeds an hour later, and makes them again when a newer article is published", async () => {
    // Nothing in the news sitemap's window: the empty notices column's feeds are dated by the site's newest article.
    const site = freshSite(siteConfig(linkable), false);
    const dist = await diskBuild(site);
    const first = fileInodes(dist);
    await diskBuild(site, { now: fixedNow + hour });
    expect(fileTree(dist)).toEqual(await coldTree(site, { now: fixedNow + hour }));
    expect(keptFiles(first, dist, notAsset)).toEqual(expect.arrayContaining(['columns/notices/atom.xml', 'columns/notices/feed.xml', 'columns/notices/feed.json']));
    const second = fileInodes(dist);
    editSite(site, 'content/news/a050.md', source(50, '第50次工作会议', '2023-12-30 10:00'));
    await diskBuild(site, { now: fixedNow + hour });
    expect(fileTree(dist)).toEqual(await coldTree(site, { now: fixedNow + hour }));
    expect(keptFiles(second, dist, notAsset)).not.toContain('columns/notices/atom.xml');
    expect(readFileSync(path.join(dist, 'columns/notices/atom.xml'), 'utf8')).toContain('<updated>2023-12-30T10:00:00+08:00</updated>');
  });

  it('makes again a feed edited in dist/ after the build, and a removed sitemap', async () => {
    const site = freshSite();
    const dist = await diskBuild(site);
    writeFileSync(path.join(dist, 'feed.xml'), readFileSync(path.join(dist, 'feed.xml'), 'utf8').replace('</rss>', '<!-- tracked --></rss>'));
    rmSync(path.join(dist, 'sitemap.xml'));
    await diskBuild(site);
    expect(fileTree(dist)).toEqual(await coldTree(site));
  });
});
