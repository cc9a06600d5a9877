import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncrementalSite } from '../../src/dev/incremental-site.js';
import { resolveDevPaths } from '../../src/dev/site-paths.js';
import { article, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';

const budget = (fields: Readonly<Record<string, string>>, body: string) =>
  article({ title: '区财政预算公布', date: '2024-01-05 09:00', column: 'news', tags: '[财政]', ...fields }, body);

// Every page a reader could have open: the article, its neighbours, and every listing that shows it.
const served = ['/articles/budget/', '/articles/school/', '/articles/bridge/', '/', '/columns/news/', '/tags/财政/', '/archive/', '/archive/2024/', '/archive/2024/01/'];

describe('IncrementalSite rebuild of an edited article', () => {
  let site: TempSite;
  let dev: IncrementalSite;
  const save = async (text: string) => {
    const file = path.join(site.root, 'content/budget.md');
    writeFileSync(file, text);
    return dev.rebuild(new Set([file]));
  };
  const text = (url: string) => String(dev.page(url)?.contents);

  beforeEach(async () => {
    site = makeSite(
      {
        'content/budget.md': budget({}, '今年预算总额为十亿元。'),
        'content/school.md': article({ title: '新学校开学', date: '2024-01-03 08:00', column: 'news' }, '新学校九月开学。'),
        'content/bridge.md': article({ title: '跨江大桥通车', date: '2024-01-08 10:00' }, '大桥今日通车。'),
      },
      siteConfig({ permalink: '/articles/:slug/' }),
    );
    dev = (await IncrementalSite.open({ paths: resolveDevPaths(site.root), drafts: true, future: false, now: fixedNow })).site;
    for (const url of served) expect(dev.page(url), url).toBeDefined();
  });
  afterEach(() => site.dispose());

  it('renders again exactly the article page when only its text changed (the summary, its first paragraph, kept)', async () => {
    const report = await save(budget({}, '今年预算总额为十亿元。\n\n其中教育支出三亿元。'));
    expect(report).toMatchObject({ patched: true, renderedUrls: ['/articles/budget/'], changedUrls: ['/articles/budget/'] });
    expect(text('/articles/budget/')).toContain('其中教育支出三亿元。');
  });

  it('renders again the listings that show summaries when the first paragraph changed', async () => {
    const report = await save(budget({}, '今年预算总额调整为十二亿元。'));
    expect(report.patched).toBe(true);
    expect(report.changedUrls).toEqual(['/', '/articles/budget/', '/columns/news/']);
    expect(text('/columns/news/')).toContain('今年预算总额调整为十二亿元。');
  });

  it('renders again the listings and neighbours that show the title when the title changed', async () => {
    const report = await save(budget({ title: '区财政预算调整' }, '今年预算总额为十亿元。'));
    expect(report.patched).toBe(true);
    const listings = ['/', '/articles/bridge/', '/articles/budget/', '/articles/school/', '/archive/2024/', '/archive/2024/01/', '/columns/news/', '/tags/财政/'];
    expect(report.renderedUrls).toEqual([...listings].sort());
    expect(report.changedUrls).toEqual([...listings].sort());
    for (const url of listings) expect(text(url), url).toContain('区财政预算调整');
    expect(text('/archive/')).not.toContain('区财政预算');
  });

  it('serves the feeds and sitemaps, and makes the feeds again after an edit when they were served', async () => {
    expect(text('/sitemap.xml')).toContain('https://news.example.gov.cn/articles/budget/');
    expect(text('/feed.xml')).toContain('区财政预算公布');
    const report = await save(budget({ title: '区财政预算调整' }, '今年预算总额为十亿元。'));
    expect(report.changedUrls).toContain('/feed.xml');
    expect(report.changedUrls).not.toContain('/sitemap.xml');
    expect(text('/feed.xml')).toContain('区财政预算调整');
    expect(text('/atom.xml')).toContain('区财政预算调整');
  });

  it('builds the model again when the date moves the article, and lists it in its new place', async () => {
    const report = await save(budget({ date: '2024-01-09 09:00' }, '今年预算总额为十亿元。'));
    expect(report.patched).toBe(false);
    const home = text('/');
    expect(home.indexOf('区财政预算公布')).toBeLessThan(home.indexOf('跨江大桥通车'));
  });

  it('changes nothing on a broken save, and patches again on the next good one', async () => {
    const broken = await save('---\ntitle: 区财政预算公布\ndate: 2024-13-45\n---\n\n正文。\n');
    expect(broken).toMatchObject({ patched: true, renderedUrls: [], changedUrls: [] });
    expect(dev.errors()).toHaveLength(1);
    const fixed = await save(budget({}, '今年预算总额为十亿元。\n\n修正后的正文。'));
    expect(fixed).toMatchObject({ patched: true, changedUrls: ['/articles/budget/'] });
    expect(dev.errors()).toEqual([]);
  });
});
