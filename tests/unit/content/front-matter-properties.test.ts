import fc from 'fast-check';
import matter from 'gray-matter';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolve.js';
import { toArticle } from '../../../src/content/article.js';
import { parseFrontMatter } from '../../../src/content/front-matter.js';
import { isContentError } from '../../../src/diagnostics/content-error.js';
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

/** What gray-matter (the parser before ours) read from a source: its data, or where js-yaml refused it. */
function grayMatterReading(text: string): { data: unknown } | { line: number; column: number } {
  try {
    return { data: matter(text, { engines: { yaml: (s: string) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object } }).data };
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    return { line: (error.mark?.line ?? 0) + 1, column: (error.mark?.column ?? 0) + 1 };
  }
}

// Closing with "...", a "---" that continues a line, comment-only blocks: where our fence differs from gray-matter's cut.
const trickyLine = fc.constantFrom('...', '---', '----', '--- x', '# 注释', '  # 注释', '', 'title: 标题', 'date: 2024-01-05', 'a: [1, 2', 'b: "x');
const trickySource = fc.array(fc.oneof(trickyLine, pair, newsText(10)), { maxLength: 10 }).map((lines) => ['---', ...lines].join('\n'));

describe('front matter read as gray-matter read it', () => {
  it.each([
    ['article-shaped sources', articleSource],
    ['sources with unusual fences and comments', trickySource],
  ] as const)('%s: the same data, or the same YAML error position', (_name, source) => {
    fc.assert(
      fc.property(source, (text) => {
        let ours: ReturnType<typeof parseFrontMatter> | undefined;
        let problem: { code: string; line: number; column: number } | undefined;
        try {
          ours = parseFrontMatter(text, file);
        } catch (error) {
          if (!isContentError(error)) throw error;
          const d = error.diagnostics[0];
          problem = { code: d?.code ?? '', line: d?.line ?? 0, column: d?.column ?? 0 };
        }
        if (problem?.code === 'front-matter/missing' || problem?.code === 'front-matter/unclosed') return;
        const reading = grayMatterReading(text);
        if ('line' in reading) expect(problem).toEqual({ code: 'front-matter/yaml', line: reading.line, column: reading.column });
        else if (typeof reading.data !== 'object' || Array.isArray(reading.data)) expect(problem?.code).toBe('front-matter/not-a-mapping');
        else expect(ours?.data).toEqual(reading.data ?? {});
      }),
      { numRuns: 3000 },
    );
  });
});
