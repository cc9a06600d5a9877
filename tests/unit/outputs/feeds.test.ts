import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderFeedPages } from '../../../src/outputs/feeds.js';
import type { Page } from '../../../src/render/page.js';
import { testArticle, testModel } from '../../helpers/model.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name, jPath) => ['item', 'entry', 'category'].includes(name) || jPath === 'feed.link' });

const tricky = testArticle({
  slug: 'tricky',
  date: '2024-01-09 09:30',
  title: '营商环境 & “放管服” <改革> 推进会',
  summary: '摘要：A&B <b>不是标签</b>',
  html: '<p>见<a href="/2024/01/other/">上一篇</a>和<img src="/images/图.png" alt="">，外链<a href="//cdn.example.com/x">x</a></p>\n',
  author: '张三',
  column: 'news',
  tags: ['经济', '营商环境'],
  cover: '/images/cover.jpg',
});
const older = testArticle({ slug: 'older', date: '2023-12-20 08:00', column: 'notices' });
const updatedLater = testArticle({ slug: 'updated', date: '2023-12-01', column: 'news' });
const draft = testArticle({ slug: 'draft', date: '2024-01-10 08:00', draft: true });

const published = [older, tricky, draft, { ...updatedLater, updated: testArticle({ slug: 'u', date: '2024-01-09 10:00' }).date }];

function pages(overrides: Record<string, unknown> = {}, articles: readonly typeof older[] = published): Map<string, string> {
  const model = testModel([...articles], overrides);
  return new Map([...renderFeedPages(model)].map((p: Page) => [p.outputPath, String(p.contents)]));
}

function xml(text: string | undefined): Record<string, any> {
  if (text === undefined) throw new Error('no such feed');
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text) as Record<string, any>;
}

describe('RSS 2.0', () => {
  it('lists published articles newest first with escaped titles, absolute URLs and +08:00 dates', () => {
    const channel = xml(pages().get('feed.xml')).rss.channel;
    expect(channel.title).toBe('测试新闻网');
    expect(channel.link).toBe('https://news.example.gov.cn/');
    expect(channel['atom:link']['@_href']).toBe('https://news.example.gov.cn/feed.xml');
    expect(channel.item.map((i: any) => i.link)).toEqual([
      'https://news.example.gov.cn/2024/01/tricky/',
      'https://news.example.gov.cn/2023/12/older/',
      'https://news.example.gov.cn/2023/12/updated/',
    ]);
    const first = channel.item[0];
    expect(first.title).toBe('营商环境 & “放管服” <改革> 推进会');
    expect(first.description).toBe('摘要：A&B <b>不是标签</b>');
    expect(first.pubDate).toBe('Tue, 09 Jan 2024 09:30:00 +0800');
    expect(first['dc:creator']).toBe('张三');
    expect(first.category).toEqual(['经济', '营商环境']);
    expect(first.enclosure['@_url']).toBe('https://news.example.gov.cn/images/cover.jpg');
    expect(first.enclosure['@_type']).toBe('image/jpeg');
  });

  it('makes root-relative links in the full text absolute and leaves protocol-relative ones alone', () => {
    const content: string = xml(pages().get('feed.xml')).rss.channel.item[0]['content:encoded'];
    expect(content).toContain('<a href="https://news.example.gov.cn/2024/01/other/">');
    expect(content).toContain('<img src="https://news.example.gov.cn/images/图.png"');
    expect(content).toContain('<a href="//cdn.example.com/x">');
  });

  it('dates the channel by its newest change (an update counts), not by the build time', () => {
    expect(xml(pages().get('feed.xml')).rss.channel.lastBuildDate).toBe('Tue, 09 Jan 2024 10:00:00 +0800');
  });

  it('keeps only `feed.items` articles and no full text when `feed.fullText` is false', () => {
    const items = xml(pages({ feed: { items: 1, fullText: false } }).get('feed.xml')).rss.channel.item;
    expect(items).toHaveLength(1);
    expect(items[0]['content:encoded']).toBeUndefined();
    expect(items[0].description).toBe('摘要：A&B <b>不是标签</b>');
  });
});

describe('Atom', () => {
  it('has RFC 3339 dates with the offset, self and alternate links, and HTML content', () => {
    const feed = xml(pages().get('atom.xml')).feed;
    expect(feed['@_xml:lang']).toBe('zh-CN');
    expect(feed.updated).toBe('2024-01-09T10:00:00+08:00');
    expect(feed.link.map((l: any) => [l['@_rel'], l['@_href']])).toEqual([
      ['alternate', 'https://news.example.gov.cn/'],
      ['self', 'https://news.example.gov.cn/atom.xml'],
    ]);
    const [first, , third] = feed.entry;
    expect(first.title).toBe('营商环境 & “放管服” <改革> 推进会');
    expect(first.published).toBe('2024-01-09T09:30:00+08:00');
    expect(first.content['@_type']).toBe('html');
    expect(first.content['#text']).toContain('<img src="https://news.example.gov.cn/images/图.png"');
    expect(first.category.map((c: any) => c['@_term'])).toEqual(['经济', '营商环境']);
    expect([third.published, third.updated]).toEqual(['2023-12-01T00:00:00+08:00', '2024-01-09T10:00:00+08:00']);
  });
});

describe('JSON Feed', () => {
  it('is JSON Feed 1.1 with content_html, or content_text with summaries only', () => {
    const feed = JSON.parse(pages().get('feed.json') ?? '');
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe('https://news.example.gov.cn/feed.json');
    expect(feed.items[0]).toMatchObject({
      id: 'https://news.example.gov.cn/2024/01/tricky/',
      title: '营商环境 & “放管服” <改革> 推进会',
      date_published: '2024-01-09T09:30:00+08:00',
      authors: [{ name: '张三' }],
      tags: ['经济', '营商环境'],
      image: 'https://news.example.gov.cn/images/cover.jpg',
    });
    expect(feed.items[0].content_html).toContain('https://news.example.gov.cn/2024/01/other/');
    const summaries = JSON.parse(pages({ feed: { items: 20, fullText: false } }).get('feed.json') ?? '');
    expect(summaries.items[0].content_html).toBeUndefined();
    expect(summaries.items[0].content_text).toBe('摘要：A&B <b>不是标签</b>');
  });
});

describe('column feeds', () => {
  it("each column has its three feeds with only its own articles; an empty feed is dated by the site's newest update", () => {
    const all = pages({ columns: [{ key: 'news', name: '工作动态' }, { key: 'notices', name: '通知公告' }, { key: 'empty', name: '空栏目' }] });
    expect([...all.keys()].filter((p) => p.startsWith('columns/')).sort()).toEqual(
      ['empty', 'news', 'notices'].flatMap((c) => [`columns/${c}/atom.xml`, `columns/${c}/feed.json`, `columns/${c}/feed.xml`]),
    );
    const news = xml(all.get('columns/news/feed.xml')).rss.channel;
    expect(news.title).toBe('工作动态 - 测试新闻网');
    expect(news.item.map((i: any) => i.link)).toEqual(['https://news.example.gov.cn/2024/01/tricky/', 'https://news.example.gov.cn/2023/12/updated/']);
    const empty = xml(all.get('columns/empty/atom.xml')).feed;
    expect(empty.entry).toBeUndefined();
    // The updated article (10:00 on the 9th), not the newer draft, not the build time (noon on the 10th): the same on every build.
    expect(empty.updated).toBe('2024-01-09T10:00:00+08:00');
    expect(xml(all.get('columns/empty/feed.xml')).rss.channel.lastBuildDate).toBe('Tue, 09 Jan 2024 10:00:00 +0800');
  });

  it('dates the feeds of a site without a published article by the build time', () => {
    const onlyDraft = pages({}, [draft]);
    expect(xml(onlyDraft.get('atom.xml')).feed.updated).toBe('2024-01-10T12:00:00+08:00');
  });
});
