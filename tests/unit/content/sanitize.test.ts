import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/content/markdown.js';
import { sanitizeArticleHtml } from '../../../src/content/sanitize.js';

const on = { html: true };
const off = { html: false };

describe('sanitizeArticleHtml', () => {
  it.each([
    ['<p>正文<script>alert(1)</script></p>', '<p>正文</p>'],
    ['<img src="x.png" onerror="alert(1)">', '<img src="x.png" />'],
    ['<a href="javascript:alert(1)">点此</a>', '<a>点此</a>'],
    ['<a href="JaVaScRiPt:alert(1)">点此</a>', '<a>点此</a>'],
    ['<a href="vbscript:msgbox(1)">点此</a>', '<a>点此</a>'],
    ['<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">点此</a>', '<a>点此</a>'],
    ['<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">', '<img />'],
    ['<img src="data:image/png;base64,iVBORw0KGgo=" alt="图">', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="图" />'],
    ['"><svg onload=alert(1)>', '"&gt;'],
    ['<iframe src="https://evil.example/"></iframe><p>留下</p>', '<p>留下</p>'],
    ['<p style="background:url(javascript:alert(1))" class="x">样式</p>', '<p>样式</p>'],
    ['<a href="https://www.gov.cn/" title="政府网">中国政府网</a>', '<a href="https://www.gov.cn/" title="政府网">中国政府网</a>'],
    ['<a href="/2024/01/a/">站内</a>', '<a href="/2024/01/a/">站内</a>'],
    ['<table><tr><td colspan="2" onclick="x()">合并</td></tr></table>', '<table><tr><td colspan="2">合并</td></tr></table>'],
    ['<ruby>行<rt>xíng</rt></ruby>', '<ruby>行<rt>xíng</rt></ruby>'],
  ])('%s -> %s', (input, expected) => {
    expect(sanitizeArticleHtml(input)).toBe(expected);
  });
});

describe('raw HTML in Markdown', () => {
  it('is escaped, never passed through, when the site has not turned it on', () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\n段落<img src=x onerror=alert(1)>', off);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is sanitized when on: the script goes, the heading ids and code classes Markdown made stay', () => {
    const { html } = renderMarkdown('## 标题\n\n<div onclick="x()">块<script>bad()</script></div>\n\n```js\nlet a = 1;\n```\n', on);
    expect(html).toBe('<h2 id="标题">标题</h2>\n<div>块</div>\n<pre><code class="language-js">let a = 1;\n</code></pre>\n');
  });

  it.each([off, on])('drops javascript:, vbscript: and data: Markdown links, keeps data: images (html %o)', (options) => {
    const { html } = renderMarkdown('[甲](javascript:alert(1)) [乙](vbscript:x) [丙](data:text/html,x) ![丁](data:image/png;base64,AAAA)', options);
    expect(html).not.toMatch(/href="(?:javascript|vbscript|data):/i);
    expect(html).toContain('src="data:image/png;base64,AAAA"');
  });
});
