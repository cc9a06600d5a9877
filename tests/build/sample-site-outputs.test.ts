import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MemoryWriter } from '../../src/write/memory-writer.js';
import { buildInMemory, page } from '../helpers/site.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['item', 'entry', 'url'].includes(name) });

let writer: MemoryWriter;
beforeAll(async () => {
  ({ writer } = await buildInMemory(projectRoot));
});

const outputs = (suffix: string): string[] => [...writer.pages.keys()].filter((p) => p.endsWith(suffix)).sort();

describe('the sample site outputs', () => {
  it('every XML output (feeds, sitemaps) is well-formed and non-empty', () => {
    const xmlFiles = outputs('.xml');
    expect(xmlFiles).toEqual(expect.arrayContaining(['feed.xml', 'atom.xml', 'sitemap.xml', 'news-sitemap.xml', 'columns/news/feed.xml', 'columns/notices/atom.xml']));
    for (const file of xmlFiles) expect(XMLValidator.validate(writer.text(file)), file).toBe(true);
    const items = parser.parse(writer.text('feed.xml')).rss.channel.item as { pubDate: string }[];
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) expect(item.pubDate).toMatch(/ \+0800$/);
  });

  it('every JSON Feed parses and every item has an id, a URL under baseUrl and an offset date', () => {
    for (const file of outputs('feed.json')) {
      const feed = JSON.parse(writer.text(file));
      for (const item of feed.items) {
        expect(item.url).toMatch(/^https:\/\/news\.example\.gov\.cn\//);
        expect(item.date_published).toMatch(/\+08:00$/);
      }
    }
  });

  it("every article's JSON-LD has each property Google recommends for articles", () => {
    const articles = outputs('index.html').filter((p) => /^\d{4}\/\d{2}\//.test(p));
    expect(articles.length).toBeGreaterThan(5);
    for (const file of articles) {
      const ld = JSON.parse(page(writer, file)('script[type="application/ld+json"]').text());
      expect(ld['@type'], file).toBe('NewsArticle');
      expect(ld.headline, file).toEqual(expect.any(String));
      expect(ld.image, file).toEqual([expect.stringMatching(/^https:\/\//)]);
      expect(ld.datePublished, file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(ld.dateModified, file).toMatch(/\+08:00$/);
      expect(ld.author.length, file).toBeGreaterThan(0);
      for (const author of ld.author) expect(author.name, file).toEqual(expect.any(String));
      expect(ld.publisher, file).toMatchObject({ name: '市中新闻网示例编辑部', logo: { url: 'https://news.example.gov.cn/logo.svg' } });
    }
  });
});
