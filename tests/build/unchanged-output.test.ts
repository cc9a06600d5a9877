import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions, type BuildResult } from '../../src/build/build.js';
import { article, coldTree, editSite, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';
import { fileTree } from '../helpers/tree.js';

// A build whose inputs and output folder are exactly as the last build left them writes nothing
// and says so (`upToDate`). Every scenario here changes one thing the pages are made from, or the
// output itself, and checks that the build notices: not up to date, and a tree byte-identical to a
// cold build of the same inputs.

const paragraph = '历下区坚持以人民为中心的发展思想，扎实推进高质量发展，全区经济运行稳中有进。';
const dayMs = 86_400_000;

function source(i: number, date = `2023-11-${String((i % 28) + 1).padStart(2, '0')} 09:00`, title = `第${i}次工作会议`): string {
  return article({ title: `"${title}"`, date: `"${date}"`, column: 'news', tags: '[经济]' }, `${paragraph}\n\n- 第一项 ${i}\n`);
}

const sites: TempSite[] = [];
afterAll(() => sites.forEach((site) => site.dispose()));

function freshSite(extra: Record<string, string> = {}): TempSite {
  const notice = article({ title: '"关于调整办事时间的通知"', date: '"2023-11-20 09:00"', column: 'notices' }, paragraph);
  const files: Record<string, string> = { 'public/robots-note.txt': '公开文件\n', 'content/notices/n001.md': notice, ...extra };
  for (let i = 1; i <= 12; i++) files[`content/news/a${String(i).padStart(3, '0')}.md`] = source(i);
  const site = makeSite(files, siteConfig({ permalink: '/news/:slug/', search: false, mirror: false }));
  sites.push(site);
  return site;
}

async function diskBuild(site: TempSite, options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const result = await build({ root: site.root, now: fixedNow, cacheDir: path.join(site.root, '.cache'), ...options });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.ok).toBe(true);
  return result;
}

const dist = (site: TempSite): string => path.join(site.root, 'dist');

describe('a build with nothing to do', () => {
  it('writes nothing when nothing changed, reports every page as taken over, and holds the same tree as a cold build', async () => {
    const site = freshSite();
    await diskBuild(site);
    const second = await diskBuild(site, { now: fixedNow + 3_600_000 });
    expect(second.stats.upToDate).toBe(true);
    expect(second.stats.reusedPages).toBe(second.stats.pages);
    expect(second.stats.pages).toBe(fileTree(dist(site)).size);
    expect(second.stats.articles).toBe(13);
    expect(fileTree(dist(site))).toEqual(await coldTree(site, { now: fixedNow + 3_600_000 }));
  });

  it.each<[string, (site: TempSite) => void, Partial<BuildOptions>?]>([
    ['an article edited', (site) => editSite(site, 'content/news/a003.md', source(3, undefined, '更正后的标题'))],
    ['an article added', (site) => editSite(site, 'content/news/a013.md', source(13))],
    ['an article deleted', (site) => rmSync(path.join(site.root, 'content/news/a004.md'))],
    ['a template edited', (site) => editSite(site, 'templates/partials/header.njk', '<p class="notice">网站维护通知</p>')],
    ['the config edited', (site) => editSite(site, 'site.config.json', JSON.stringify(siteConfig({ permalink: '/news/:slug/', search: false, mirror: false, footer: { sponsor: '新的主办单位' } })))],
    ['a public file edited', (site) => editSite(site, 'public/robots-note.txt', '公开文件，已更新\n')],
    ['a public file added', (site) => editSite(site, 'public/docs/notice.txt', '新文件\n')],
    ['a page edited in dist/', (site) => writeFileSync(path.join(dist(site), 'index.html'), '<p>篡改</p>')],
    ['a page deleted from dist/', (site) => rmSync(path.join(dist(site), 'news/a005/index.html'))],
    ['a theme asset edited in dist/', (site) => writeFileSync(path.join(dist(site), 'assets/site.css'), 'body{}')],
    ['a public file deleted from dist/', (site) => rmSync(path.join(dist(site), 'robots-note.txt'))],
    ['drafts asked for', () => undefined, { drafts: true }],
    ['the next day (the header prints the date)', () => undefined, { now: fixedNow + dayMs }],
  ])('builds again after %s, to the tree a cold build gives', async (_, change, options = {}) => {
    const site = freshSite({ 'content/news/draft.md': article({ title: '"草稿"', date: '"2023-11-05 09:00"', column: 'news', draft: 'true' }, paragraph) });
    await diskBuild(site);
    change(site);
    const again = await diskBuild(site, options);
    expect(again.stats.upToDate).toBeUndefined();
    expect(fileTree(dist(site))).toEqual(await coldTree(site, options));
    // And the build after that one has nothing to do again.
    expect((await diskBuild(site, options)).stats.upToDate).toBe(true);
  });

  it('publishes a future article once its date comes, without --future', async () => {
    const due = fixedNow + 2 * 3_600_000;
    const site = freshSite({ 'content/news/later.md': source(20, '2024-01-10 14:00', '下午发布的通知') });
    await diskBuild(site);
    expect(fileTree(dist(site)).has('news/later/index.html')).toBe(false);
    expect((await diskBuild(site, { now: due - 1 })).stats.upToDate).toBe(true);
    const published = await diskBuild(site, { now: due });
    expect(published.stats.upToDate).toBeUndefined();
    expect(fileTree(dist(site)).has('news/later/index.html')).toBe(true);
    expect(fileTree(dist(site))).toEqual(await coldTree(site, { now: due }));
  });

  it('takes an article out of the news sitemap once it is two days old', async () => {
    const site = freshSite({ 'content/news/fresh.md': source(21, '2024-01-09 12:00', '昨天的新闻') });
    await diskBuild(site);
    const newsSitemap = (): string => readFileSync(path.join(dist(site), 'news-sitemap.xml'), 'utf8');
    expect(newsSitemap()).toContain('/news/fresh/');
    const out = Date.UTC(2024, 0, 11, 4, 0, 0) + 1;
    const later = await diskBuild(site, { now: out });
    expect(later.stats.upToDate).toBeUndefined();
    expect(newsSitemap()).not.toContain('/news/fresh/');
    expect(fileTree(dist(site))).toEqual(await coldTree(site, { now: out }));
  });

  it("skips a build of a site with an empty column, whose feeds are dated by the newest article", async () => {
    const site = freshSite();
    rmSync(path.join(site.root, 'content/notices/n001.md'));
    await diskBuild(site);
    const again = await diskBuild(site, { now: fixedNow + 1000 });
    expect(again.stats.upToDate).toBe(true);
    expect(fileTree(dist(site))).toEqual(await coldTree(site, { now: fixedNow + 1000 }));
  });

  it('never skips a build of a site without a published article: its feeds print the build time', async () => {
    const site = freshSite();
    for (const file of ['content/notices/n001.md', ...Array.from({ length: 12 }, (_, i) => `content/news/a${String(i + 1).padStart(3, '0')}.md`)]) rmSync(path.join(site.root, file));
    await diskBuild(site);
    const again = await diskBuild(site, { now: fixedNow + 1000 });
    expect(again.stats.upToDate).toBeUndefined();
    expect(fileTree(dist(site))).toEqual(await coldTree(site, { now: fixedNow + 1000 }));
  });

  it('never skips a build whose templates print the time of day', async () => {
    const site = freshSite({ 'templates/partials/header.njk': '<p class="built">{{ site.now | hhmm }}</p>' });
    await diskBuild(site);
    const again = await diskBuild(site, { now: fixedNow + 60_000 });
    expect(again.stats.upToDate).toBeUndefined();
    expect(fileTree(dist(site))).toEqual(await coldTree(site, { now: fixedNow + 60_000 }));
  });
});
