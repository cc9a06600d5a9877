import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderSitemapPages } from '../../../src/outputs/sitemap.js';
import type { Page } from '../../../src/render/page.js';
import { testArticle, testModel } from '../../helpers/model.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'url' || name === 'sitemap' });

const articles = [
  testArticle({ slug: 'a', date: '2024-01-09 09:30', column: 'news', tags: ['经济'] }),
  testArticle({ slug: 'b', date: '2023-12-20', column: 'news', tags: ['经济'] }),
  testArticle({ slug: 'c', date: '2023-11-02 18:00', tags: ['R&D'] }),
  testArticle({ slug: 'draft', date: '2023-11-01', draft: true }),
];

function render(max?: number, config: Record<string, unknown> = { mirror: false, search: false }): Map<string, Record<string, any>> {
  const model = testModel(articles, { pageSize: 2, ...config });
  const pages = [...renderSitemapPages(model, max === undefined ? undefined : { maxUrlsPerFile: max })];
  return new Map(pages.map((p: Page) => {
    expect(XMLValidator.validate(String(p.contents))).toBe(true);
    return [p.outputPath, parser.parse(String(p.contents)) as Record<string, any>];
  }));
}

const base = 'https://news.example.gov.cn';
const expectedLocs = [
  '/2024/01/a/', '/2023/12/b/', '/2023/11/c/',
  '/', '/page/2/',
  '/columns/news/', '/columns/notices/',
  '/tags/R%26D/', '/tags/%E7%BB%8F%E6%B5%8E/',
  '/archive/2024/', '/archive/2024/01/', '/archive/2023/', '/archive/2023/12/', '/archive/2023/11/',
  '/archive/',
].map((u) => `${base}${u}`);

describe('sitemap.xml', () => {
  it('lists every page (paginated listings too) once, percent-encoded and escaped, without drafts', () => {
    const urls = render().get('sitemap.xml')?.urlset.url as { loc: string; lastmod?: string }[];
    expect(urls.map((u) => u.loc)).toEqual(expectedLocs);
  });

  it('adds the search page and every page of the other-script mirror when the site has them', () => {
    const urls = render(undefined, {}).get('sitemap.xml')?.urlset.url as { loc: string }[];
    const originals = [...expectedLocs, `${base}/search/`];
    expect(urls.map((u) => u.loc)).toEqual([...originals, ...originals.map((u) => u.replace(base, `${base}/zh-hant`))]);
  });

  it('dates each page by the newest article it shows, with the site offset; an empty listing has no lastmod', () => {
    const urls = render().get('sitemap.xml')?.urlset.url as { loc: string; lastmod?: string }[];
    const lastmod = new Map(urls.map((u) => [u.loc.slice(base.length), u.lastmod]));
    expect(lastmod.get('/2023/11/c/')).toBe('2023-11-02T18:00:00+08:00');
    expect(lastmod.get('/page/2/')).toBe('2024-01-09T09:30:00+08:00');
    expect(lastmod.get('/archive/2023/')).toBe('2023-12-20T00:00:00+08:00');
    expect(lastmod.get('/columns/notices/')).toBeUndefined();
  });

  it('becomes a sitemap index of numbered files above the URL limit', () => {
    const files = render(4);
    expect([...files.keys()]).toEqual(['sitemaps/sitemap-1.xml', 'sitemaps/sitemap-2.xml', 'sitemaps/sitemap-3.xml', 'sitemaps/sitemap-4.xml', 'sitemap.xml']);
    const index = files.get('sitemap.xml')?.sitemapindex.sitemap as { loc: string; lastmod?: string }[];
    expect(index.map((s) => s.loc)).toEqual([1, 2, 3, 4].map((n) => `${base}/sitemaps/sitemap-${n}.xml`));
    expect(index[0]?.lastmod).toBe('2024-01-09T09:30:00+08:00');
    const parts = [1, 2, 3, 4].flatMap((n) => files.get(`sitemaps/sitemap-${n}.xml`)?.urlset.url as { loc: string }[]);
    expect(parts.map((u) => u.loc)).toEqual(expectedLocs);
  });
});
