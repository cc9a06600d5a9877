import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions, type BuildStats } from '../../src/build/build.js';
import { article, coldTree, editSite, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';
import { fileTree } from '../helpers/tree.js';

// With render threads every shared page (a listing page, a feed, the sitemap...) has a key made
// from what it shows, so a one-article change renders only the pages that show that article.
// Each scenario changes one article (or removes or adds one), then checks that dist/ is byte for
// byte a cold single-threaded build, and that the pages the summary reports as rendered (not
// reused) are exactly those that show the change: the pages that show the article before or
// after it, the pages whose text changed, and the pages of the listings whose article count
// changed (templates may print it; archive pages print their year's month counts).

const paragraph = '历下区坚持以人民为中心的发展思想，扎实推进高质量发展，全区经济运行稳中有进。';
const config = siteConfig({ permalink: '/news/:slug/', search: false, mirror: false, pageSize: 4 });

interface Fields {
  readonly title: string;
  readonly month: string;
  readonly day: number;
  /** Minutes past 09:00; by default the article's number modulo 60. */
  readonly minute?: number;
  readonly column: string;
  readonly tags: readonly string[];
  readonly body: string;
}

function fieldsOf(i: number, changes: Partial<Fields> = {}): Fields {
  const tags = [i % 2 ? '经济' : '民生'];
  const body = `${paragraph.repeat(2)}\n\n## 会议要点\n\n- 第一项 ${i}\n`;
  return { title: `第${i}次工作会议`, month: i % 3 ? '11' : '10', day: (i % 28) + 1, column: i % 4 ? 'news' : 'notices', tags, body, ...changes };
}

function source(i: number, fields: Fields = fieldsOf(i)): string {
  const date = `2023-${fields.month}-${String(fields.day).padStart(2, '0')} 09:${String(fields.minute ?? i % 60).padStart(2, '0')}`;
  return article({ title: `"${fields.title}"`, date, column: fields.column, tags: `[${fields.tags.join(', ')}]` }, fields.body);
}

/** The output folders of the listings an article is in; the year's archive pages all show its month counts. */
function listingsOf(fields: Fields | undefined): string[] {
  if (fields === undefined) return [];
  return ['', `columns/${fields.column}/`, ...fields.tags.map((t) => `tags/${t}/`), 'archive/2023/', `archive/2023/${fields.month}/`];
}

const name = (i: number): string => `content/news/a${String(i).padStart(3, '0')}.md`;

const sites: TempSite[] = [];
afterAll(() => sites.forEach((site) => site.dispose()));

function freshSite(): TempSite {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 60; i++) files[name(i)] = source(i);
  const site = makeSite(files, config);
  sites.push(site);
  return site;
}

async function diskBuild(site: TempSite): Promise<BuildStats> {
  const options: BuildOptions = { root: site.root, now: fixedNow, cacheDir: path.join(site.root, '.cache'), workers: 2 };
  const result = await build(options);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.stats;
}

/**
 * The pages a build must render after a change to the article at `url` whose listings were
 * `before` and are `after`: every page of the new tree (theme assets aside) that is new, whose
 * text changed, that shows the article before or after the change, or that belongs to a listing
 * the article joined or left. The sitemap lists every URL with only its date: it shows the
 * article's change only when its text changed.
 */
function mustRender(trees: { before: ReadonlyMap<string, string>; after: ReadonlyMap<string, string> }, url: string, listings: { before: string[]; after: string[] }): string[] {
  const moved = listings.before.filter((l) => !listings.after.includes(l)).concat(listings.after.filter((l) => !listings.before.includes(l)));
  const inMoved = (file: string): boolean => moved.some((l) => (l.startsWith('archive/') ? file.startsWith('archive/2023/') : new RegExp(`^${l}(page/\\d+/)?index\\.html$`).test(file)));
  const shows = (text: string | undefined): boolean => text !== undefined && text.includes(url);
  return [...trees.after]
    .filter(([file, text]) => {
      if (file.startsWith('assets/')) return false;
      const old = trees.before.get(file);
      return old !== text || inMoved(file) || (file !== 'sitemap.xml' && (shows(old) || shows(text)));
    })
    .map(([file]) => file);
}

describe('shared pages keyed by what they show', () => {
  const seventh = fieldsOf(7);
  it.each([
    ['its title', 7, { title: '更正：第7次工作会议' }],
    ['its date, in the same month', 7, { day: 3 }],
    // Article 35 is dated the same day at 09:35: the order of every listing and of the sitemap stays, only dates change.
    ['its time, in the same order', 7, { minute: 20 }],
    ['its date, into another month', 7, { month: '10' }],
    ['its column', 7, { column: 'notices' }],
    ['its tags, one of them new', 7, { tags: ['民生', '教育'] }],
    ['its body', 7, { body: `${paragraph}\n\n更正：会议时间有误。\n` }],
    ['its removal', 7, undefined],
    ['a new article', 61, {}],
  ])('after a change to one article (%s): byte-identical to a cold build, rendering only the pages that show it', async (_, i, changes) => {
    const site = freshSite();
    const dist = path.join(site.root, 'dist');
    await diskBuild(site);
    const warm = await diskBuild(site);
    const assets = [...fileTree(dist).keys()].filter((n) => n.startsWith('assets/')).length;
    // Nothing changed: the output is up to date, every file taken over as it is.
    expect(warm.upToDate).toBe(true);
    expect(warm.pages - warm.reusedPages).toBe(0);
    const before = fileTree(dist);
    const fields = changes && fieldsOf(i, changes);
    editSite(site, name(i), fields && source(i, fields));
    const stats = await diskBuild(site);
    const after = fileTree(dist);
    expect(after).toEqual(await coldTree(site));
    const listings = { before: listingsOf(i === 7 ? seventh : undefined), after: listingsOf(fields) };
    const expected = mustRender({ before, after }, `/news/a${String(i).padStart(3, '0')}/`, listings);
    expect(expected.length).toBeGreaterThan(2);
    expect(stats.pages - stats.reusedPages - assets).toBe(expected.length);
  });
});
