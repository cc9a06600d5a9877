import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolve.js';
import { toArticle } from '../../../src/content/article.js';
import { parseFrontMatter } from '../../../src/content/front-matter.js';
import { newsLines, newsText, valueOrContentError } from '../../helpers/properties.js';

const file = 'content/news/fuzz.md';
const config = resolveConfig(JSON.stringify({ title: '测试', baseUrl: 'https://news.example.gov.cn', columns: [{ key: 'news', name: '工作动态' }] }), 'site.config.json');

const key = fc.constantFrom('title', 'date', 'updated', 'source', 'editor', 'column', 'tags', 'summary', 'slug', 'draft', 'cover', '标签', '');
const value = fc.oneof(
  newsText(30),
  fc.constantFrom('2024-02-30', '2024-01-05', '2024-01-05 09:30', '2024-13-01T25:00:00+08:00', '[a, b]', '{x: 1}', '"未闭合', '|', '>', '&anchor', '*alias', '!!binary x', 'null', 'true', '-1e9'),
);
const pair = fc.tuple(key, value, fc.constantFrom(': ', ':', ' : ', '  ')).map(([k, v, sep]) => `${k}${sep}${v}`);
const dateValue = fc.oneof(fc.constantFrom('2024-01-05', '2023-12-31 23:59', '2024-02-29T08:00:00+08:00'), value);
/** A source shaped like an article: fence, mostly a title and a date, other key/value lines (some broken), mostly a closing fence, a body. */
const articleSource = fc
  .tuple(fc.option(newsText(20), { freq: 6 }), fc.option(dateValue, { freq: 6 }), fc.array(pair, { maxLength: 6 }), fc.nat(4), newsLines(6))
  .map(([title, date, pairs, close, body]) => [
    '---',
    ...(title === null ? [] : [`title: ${title}`]),
    ...(date === null ? [] : [`date: ${date}`]),
    ...pairs,
    ...(close > 0 ? ['---'] : []),
    body,
  ].join('\n'));

describe('front matter on arbitrary input', () => {
  it.each([
    ['article-shaped sources', articleSource, 3000, 50],
    ['any text', newsLines(10), 1000, 0],
  ] as const)('%s: parse and validate return an Article or throw a ContentError with a position', (_name, source, numRuns, minArticles) => {
    let articles = 0;
    fc.assert(
      fc.property(source, (text) => {
        const parsed = valueOrContentError(() => parseFrontMatter(text, file), file, text);
        if (!parsed) return;
        const article = valueOrContentError(() => toArticle(parsed, 'news/fuzz.md', config), file, text);
        if (!article) return;
        articles++;
        expect(article.title.trim()).not.toBe('');
      }),
      { numRuns },
    );
    // The generator must reach validation's happy path too, not only its refusals.
    expect(articles).toBeGreaterThanOrEqual(minArticles);
  });
});
