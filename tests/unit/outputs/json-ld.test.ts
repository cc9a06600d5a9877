import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { newsArticleJsonLd, scriptJson } from '../../../src/outputs/json-ld.js';
import { testArticle, testModel } from '../../helpers/model.js';

const publisher = { name: '市中新闻网编辑部', logo: '/logo.png' };

describe('NewsArticle JSON-LD', () => {
  it('has every property Google recommends for articles, with offsets and absolute URLs', () => {
    const article = testArticle({
      slug: 'x', date: '2024-01-09 09:30', updated: testArticle({ slug: 'u', date: '2024-01-09 15:00' }).date,
      author: '张三', editor: '李四', source: '区发展和改革局', cover: '/images/封面.jpg', column: 'news', tags: ['经济'],
    });
    const ld = newsArticleJsonLd(article, testModel([article], { publisher }));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '标题 x',
      image: ['https://news.example.gov.cn/images/%E5%B0%81%E9%9D%A2.jpg'],
      datePublished: '2024-01-09T09:30:00+08:00',
      dateModified: '2024-01-09T15:00:00+08:00',
      author: [{ '@type': 'Person', name: '张三' }],
      editor: { '@type': 'Person', name: '李四' },
      publisher: { '@type': 'Organization', name: '市中新闻网编辑部', logo: { '@type': 'ImageObject', url: 'https://news.example.gov.cn/logo.png' } },
      isBasedOn: { '@type': 'CreativeWork', name: '区发展和改革局' },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example.gov.cn/2024/01/x/' },
      articleSection: '工作动态',
    });
  });

  it('without an author names the newsroom (with its URL), and without a cover uses the logo', () => {
    const article = testArticle({ slug: 'x', date: '2024-01-09' });
    const ld = newsArticleJsonLd(article, testModel([article], { publisher }));
    expect(ld['author']).toEqual([{ '@type': 'Organization', name: '市中新闻网编辑部', url: 'https://news.example.gov.cn/' }]);
    expect(ld['image']).toEqual(['https://news.example.gov.cn/logo.png']);
    expect(ld['dateModified']).toBe('2024-01-09T00:00:00+08:00');
  });

  it('cannot close or comment out its <script>: "<" is written as \\u003c and parses back unchanged', () => {
    const title = '标题</script><script>alert(1)</script><!-- 注释';
    const json = scriptJson({ headline: title });
    expect(json).not.toMatch(/<\/script|<!--/i);
    const $ = load(`<script type="application/ld+json">${json}</script><p>after</p>`);
    expect(JSON.parse($('script').text())).toEqual({ headline: title });
    expect($('p').text()).toBe('after');
  });
});
