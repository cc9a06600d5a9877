import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryWriter } from '../../src/write/memory-writer.js';
import { article, buildInMemory, makeSite, page, siteConfig, type TempSite } from '../helpers/site.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['url', 'item'].includes(name) });
const base = 'https://news.example.gov.cn';

const files: Record<string, string> = {
  'content/2024/01/tricky.md': article(
    { title: "'营商环境 & “放管服” <改革> 推进会'", date: '2024-01-09 09:30', column: 'news', tags: '[经济, R&D]', author: '张三', authorUrl: 'https://news.example.gov.cn/about/zhangsan/', editor: '李四', source: '区发展和改革局', cover: '/images/cover.jpg' },
    '优化营商环境 &amp; 深化“放管服”改革，**推进**会今天召开😀。\n\n## 会议内容\n\n第二段。',
  ),
  'content/2023/12/emoji.md': article({ title: '表情', date: '2023-12-01 08:00' }, '会议通知：一二三四五六😀七八九'),
  'content/2024/01/summary.md': article({ title: '带摘要的文章', date: '2024-01-08 10:00', column: 'notices', summary: '编辑写的摘要。' }, '正文第一段。'),
  ...Object.fromEntries(
    Array.from({ length: 5 }, (_, i) => [
      `content/2023/12/d${i}.md`,
      article({ title: `十二月文章${i}`, date: `2023-12-${String(10 + i)} 08:00`, column: 'news', tags: '[经济]' }, `十二月第${i}篇。`),
    ]),
  ),
};

let site: TempSite;
let writer: MemoryWriter;
const htmlPaths = (): string[] => [...writer.pages.keys()].filter((p) => p.endsWith('.html'));

beforeAll(async () => {
  site = makeSite(files, siteConfig({ pageSize: 2, summaryLength: 12, publisher: { name: '测试编辑部', logo: '/logo.png' } }));
  ({ writer } = await buildInMemory(site.root, { strict: true }));
});
afterAll(() => site.dispose());

describe('article page head', () => {
  it('carries NewsArticle JSON-LD that parses and names headline, dates with +08:00, people, publisher and source', () => {
    const $ = page(writer, '2024/01/tricky/index.html');
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: '营商环境 & “放管服” <改革> 推进会',
      datePublished: '2024-01-09T09:30:00+08:00',
      dateModified: '2024-01-09T09:30:00+08:00',
      image: [`${base}/images/cover.jpg`],
      author: [{ '@type': 'Person', name: '张三', url: 'https://news.example.gov.cn/about/zhangsan/' }],
      editor: { name: '李四' },
      publisher: { name: '测试编辑部', logo: { url: `${base}/logo.png` } },
      isBasedOn: { name: '区发展和改革局' },
    });
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('link[rel="canonical"]').attr('href')).toBe(`${base}/2024/01/tricky/`);
  });

  it('has Open Graph and Twitter meta and a description cut by characters, never mid-emoji or mid-entity', () => {
    const $ = page(writer, '2024/01/tricky/index.html');
    const description = $('meta[name="description"]').attr('content');
    // `&amp;` in the source is one character of text; spaces count; the cut keeps whole characters.
    expect(description).toBe('优化营商环境 & 深化“…');
    expect($('meta[property="og:title"]').attr('content')).toBe('营商环境 & “放管服” <改革> 推进会');
    expect($('meta[property="og:description"]').attr('content')).toBe(description);
    expect($('meta[property="og:image"]').attr('content')).toBe(`${base}/images/cover.jpg`);
    expect($('meta[property="article:published_time"]').attr('content')).toBe('2024-01-09T09:30:00+08:00');
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    expect(page(writer, '2024/01/summary/index.html')('meta[name="description"]').attr('content')).toBe('编辑写的摘要。');
    expect(page(writer, '2023/12/emoji/index.html')('meta[name="description"]').attr('content')).toBe('会议通知：一二三四五六😀…');
  });

  it('shows the character count and reading time in the meta line', () => {
    const $ = page(writer, '2024/01/tricky/index.html');
    expect($('.article-meta__length').text()).toMatch(/^全文约\d+字，阅读约1分钟$/);
  });

  it('every HTML page links the site feeds; column and article pages also their column feed', () => {
    for (const p of htmlPaths()) {
      const hrefs = page(writer, p)('link[rel="alternate"][type]').map((_, el) => el.attribs['href']).get();
      expect(hrefs.slice(0, 3), p).toEqual(['/feed.xml', '/atom.xml', '/feed.json']);
    }
    const columnLinks = (p: string): string[] => page(writer, p)('link[rel="alternate"][type]').map((_, el) => el.attribs['href']).get().slice(3);
    expect(columnLinks('columns/news/index.html')).toEqual(['/columns/news/feed.xml']);
    expect(columnLinks('2024/01/summary/index.html')).toEqual(['/columns/notices/feed.xml']);
  });
});

describe('outputs of a build', () => {
  it('sitemap.xml lists exactly the HTML pages that were written', () => {
    const xml = writer.text('sitemap.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const locs = (parser.parse(xml).urlset.url as { loc: string }[]).map((u) => u.loc);
    const written = htmlPaths().map((p) => `${base}/${encodeURI(p.replace(/index\.html$/, ''))}`.replace('R&D', 'R%26D'));
    expect([...locs].sort()).toEqual([...written].sort());
  });

  it('writes feeds, the news sitemap (articles of the two days before 2024-01-10 12:00) and robots.txt', () => {
    const news = parser.parse(writer.text('news-sitemap.xml')).urlset.url as { loc: string }[];
    // summary.md (2024-01-08 10:00) is two hours too old.
    expect(news.map((u) => u.loc)).toEqual([`${base}/2024/01/tricky/`]);
    const rss = parser.parse(writer.text('feed.xml')).rss.channel;
    expect(rss.item[0].title).toBe('营商环境 & “放管服” <改革> 推进会');
    expect(writer.text('robots.txt')).toContain(`Sitemap: ${base}/news-sitemap.xml`);
    expect(JSON.parse(writer.text('columns/news/feed.json')).items).toHaveLength(6);
  });

  it('two builds with the same input and build time are byte-identical', async () => {
    const again = (await buildInMemory(site.root, { strict: true })).writer;
    expect([...again.pages.keys()].sort()).toEqual([...writer.pages.keys()].sort());
    for (const p of writer.pages.keys()) expect(again.text(p), p).toBe(writer.text(p));
  });

  it('--base-url (the baseUrl option) moves every absolute URL to the preview host', async () => {
    const preview = (await buildInMemory(site.root, { baseUrl: 'https://preview.example.com' })).writer;
    expect(preview.text('feed.xml')).not.toContain(base);
    expect(preview.text('sitemap.xml')).toContain('<loc>https://preview.example.com/2024/01/tricky/</loc>');
    expect(page(preview, '2024/01/tricky/index.html')('link[rel="canonical"]').attr('href')).toBe('https://preview.example.com/2024/01/tricky/');
  });
});

describe('listings', () => {
  it.each([
    ['home', '', 8],
    ['column', 'columns/news/', 6],
    ['tag', 'tags/经济/', 5],
    ['year archive', 'archive/2023/', 6],
    ['month archive', 'archive/2023/12/', 6],
  ])('the %s listing is paginated by pageSize with rel prev/next in the head', (_name, dir, count) => {
    const pages = Math.ceil(count / 2);
    for (let n = 1; n <= pages; n++) {
      const $ = page(writer, n === 1 ? `${dir}index.html` : `${dir}page/${n}/index.html`);
      expect($('.pager__status').text()).toBe(`第 ${n} / ${pages} 页`);
      expect($('link[rel="prev"]').attr('href')).toBe(n === 1 ? undefined : n === 2 ? `/${encodeURI(dir)}` : `/${encodeURI(dir)}page/${n - 1}/`);
      expect($('link[rel="next"]').attr('href')).toBe(n === pages ? undefined : `/${encodeURI(dir)}page/${n + 1}/`);
    }
    expect(writer.pages.has(`${dir}page/${pages + 1}/index.html`)).toBe(false);
  });

  it('the archive index links every year and month', () => {
    const $ = page(writer, 'archive/index.html');
    expect($('.archive-years a').map((_, el) => el.attribs['href']).get()).toEqual(['/archive/2024/', '/archive/2024/01/', '/archive/2023/', '/archive/2023/12/']);
    expect($('.archive-years > li').first().text()).toContain('2024年（2篇）');
  });
});
