import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLegacyHtml } from '../../../src/content/legacy-html.js';
import { parseLegacyText } from '../../../src/content/legacy-text.js';
import { newsLines, newsText, valueOrContentError } from '../../helpers/properties.js';

describe('legacy plain-text parser on arbitrary input', () => {
  it('returns a parsed source or throws a ContentError with a position', () => {
    const labelled = fc
      .tuple(newsText(20), fc.constantFrom('来源：', '作者：', '发布时间：', '责任编辑：', '2024年1月5日 星期五', '【打印本页】', '相关链接', ''), newsLines(8))
      .map(([title, label, rest]) => `${title}\n${label}${rest}`);
    fc.assert(
      fc.property(fc.oneof(labelled, newsLines(15)), (text) => {
        valueOrContentError(() => parseLegacyText(text, { path: 'content/notices/fuzz.txt' }), 'content/notices/fuzz.txt', text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('legacy HTML parser on arbitrary input', () => {
  const tag = fc.constantFrom('<p>', '</p>', '<div class="article-content">', '</div>', '<h1>', '</h1>', '<br>', '<table><tr><td>', '</td></tr></table>',
    '<a href="javascript:alert(1)">', '</a>', '<img src="x.png" onerror="x()">', '<script>alert(1)</script>', '<!--', '-->', '<meta charset="gbk">',
    '<title>', '</title>', '&nbsp;', '&#x4e2d;', '&bogus;', '<span style="x">', '</span>', '来源：', '发布时间：2024-01-05');
  const html = fc.array(fc.oneof(tag, newsText(20)), { maxLength: 40 }).map((parts) => parts.join(''));
  const file = 'content/news/fuzz.html';

  it('returns a parsed source or throws a ContentError with a position', () => {
    fc.assert(
      fc.property(fc.oneof(html, newsLines(10)), (text) => {
        const parsed = valueOrContentError(() => parseLegacyHtml(text, { path: file }), file, text);
        if (parsed) expect(parsed.body).not.toMatch(/<script|onerror=/i);
      }),
      { numRuns: 1500 },
    );
  });
});
