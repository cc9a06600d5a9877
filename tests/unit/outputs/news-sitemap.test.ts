import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { newsLanguage, renderNewsSitemap } from '../../../src/outputs/news-sitemap.js';
import { testArticle, testModel } from '../../helpers/model.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'url' });

// Build time: 2024-01-10 12:00 in Shanghai; the window opens at 2024-01-08 12:00.
const now = '2024-01-10 12:00';

describe('news-sitemap.xml', () => {
  it.each([
    ['one hour before the build', '2024-01-10 11:00', true],
    ['exactly two days before', '2024-01-08 12:00', true],
    ['a minute more than two days before', '2024-01-08 11:59', false],
    ['a date without a time, two days back', '2024-01-08', false],
    ['after the build time (--future)', '2024-01-10 12:01', false],
  ])('an article published %s (%s) is listed: %s', (_name, date, listed) => {
    const model = testModel([testArticle({ slug: 'x', date })], {}, now);
    const xml = String(renderNewsSitemap(model).contents);
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = (parser.parse(xml).urlset.url ?? []) as unknown[];
    expect(urls.length).toBe(listed ? 1 : 0);
  });

  it('names the publication and language from the config and escapes the title', () => {
    const article = testArticle({ slug: 'x', date: '2024-01-10 09:00', title: '“两会” & <要闻>' });
    const model = testModel([article], { publisher: { name: '市中新闻网编辑部' }, language: 'zh-CN' }, now);
    const xml = String(renderNewsSitemap(model).contents);
    const url = parser.parse(xml).urlset.url[0];
    expect(url.loc).toBe('https://news.example.gov.cn/2024/01/x/');
    expect(url['news:news']).toEqual({
      'news:publication': { 'news:name': '市中新闻网编辑部', 'news:language': 'zh-cn' },
      'news:publication_date': '2024-01-10T09:00:00+08:00',
      'news:title': '“两会” & <要闻>',
    });
  });

  it.each([
    ['zh-CN', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-TW', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
    ['zh-Hant-TW', 'zh-tw'],
    ['en-US', 'en'],
  ])('language %s is %s for Google News', (language, expected) => {
    expect(newsLanguage(language)).toBe(expected);
  });
});
