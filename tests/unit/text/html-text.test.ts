import { describe, expect, it } from 'vitest';
import { convertHtmlText } from '../../../src/text/html-text.js';
import { convertScript } from '../../../src/text/script.js';

describe('convertScript', () => {
  it.each([
    ['zh-Hans', '濟南日報發布', '济南日报发布'],
    ['zh-Hant', '济南日报', '濟南日報'],
  ] as const)('to %s: %s', (to, input, output) => {
    expect(convertScript(input, to)).toBe(output);
  });
});

describe('convertHtmlText', () => {
  it('converts text nodes only', () => {
    const html =
      '<html lang="zh-CN"><head><title>济南日报</title><style>.说明{}</style></head>' +
      '<body><a href="/新闻/发展.html" title="发展">发展</a>&amp;说明<!-- 说明 --><pre>代码 说明</pre><code>说明</code><p data-x="说明">说明</p></body></html>';
    expect(convertHtmlText(html, 'zh-Hant')).toBe(
      '<html lang="zh-CN"><head><title>濟南日報</title><style>.说明{}</style></head>' +
        '<body><a href="/新闻/发展.html" title="发展">發展</a>&amp;說明<!-- 说明 --><pre>代码 说明</pre><code>说明</code><p data-x="说明">說明</p></body></html>',
    );
  });

  it('returns HTML without Chinese text as it is', () => {
    const html = '<p class="a">Hello</p>';
    expect(convertHtmlText(html, 'zh-Hant')).toBe(html);
  });
});
