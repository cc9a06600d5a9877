import { describe, expect, it } from 'vitest';
import { repairText } from '../../../../src/text/repair/index.js';
import type { RepairRuleName } from '../../../../src/text/types.js';

const all: RepairRuleName[] = ['pinyin-annotations', 'cjk-punctuation', 'paragraph-indent', 'script'];
const only = (rule: RepairRuleName): Record<RepairRuleName, boolean> =>
  Object.fromEntries(all.map((r) => [r, r === rule])) as Record<RepairRuleName, boolean>;

describe('pinyin-annotations', () => {
  const run = (text: string, format: 'text' | 'markdown' = 'text') =>
    repairText(text, { rules: only('pinyin-annotations'), format });

  it.each([
    ['市中區(qū)以更實', '市中區以更實'],
    ['學(xué)習(xí)', '學習'],
    ['行(háng)業', '行業'], // any reading of a polyphonic character
    ['照片(左二)为张三', '照片(左二)为张三'],
    ['记者李明(Li Ming)报道', '记者李明(Li Ming)报道'],
    ['他叫王芳(Wang)', '他叫王芳(Wang)'],
    ['条款(a)规定', '条款(a)规定'], // a toneless letter that is no reading: not an annotation
    ['see f(x) and (ā)', 'see f(x) and (ā)'],
    ['向?qū)嵺`運用', '向?嵺`運用'], // remains of an annotation of a lost character
  ])('%s -> %s', (input, output) => {
    expect(run(input).text).toBe(output);
  });

  it('warns on a tone-marked syllable that is not a reading, and keeps it', () => {
    const result = run('第二\n市中區(xué)');
    expect(result.text).toBe('第二\n市中區(xué)');
    expect(result.warnings.map((w) => [w.code, w.line, w.column])).toEqual([['repair/pinyin-mismatch', 2, 4]]);
  });

  it('leaves inline code and fenced code alone in Markdown', () => {
    const source = '正文`區(qū)`\n\n```\n區(qū)\n```\n區(qū)';
    expect(run(source, 'markdown').text).toBe('正文`區(qū)`\n\n```\n區(qū)\n```\n區');
  });

  it('lists each removal at its place in the text as given', () => {
    const result = run('\ufeff標題\r\n市中區(qū)學(xué)');
    expect(result.repairs).toEqual([
      { rule: 'pinyin-annotations', line: 2, column: 4, before: '(qū)', after: '' },
      { rule: 'pinyin-annotations', line: 2, column: 9, before: '(xué)', after: '' },
    ]);
  });
});

describe('cjk-punctuation', () => {
  const run = (text: string, format: 'text' | 'markdown' | 'html' = 'text') =>
    repairText(text, { rules: only('cjk-punctuation'), format }).text;

  it.each([
    ['发布日期:2023-12-20', '发布日期：2023-12-20'],
    ['以来,市中区', '以来，市中区'],
    ['以来, 市中区', '以来，市中区'],
    ['难题;同时', '难题；同时'],
    ['真的吗?', '真的吗？'],
    ['太好了!', '太好了！'],
    ['共计1,000元', '共计1,000元'],
    ['上午10:30开会', '上午10:30开会'],
    ['详见https://a.b/c?d=1,谢谢', '详见https://a.b/c?d=1，谢谢'],
    ['Hello, world: is it (really) fine?', 'Hello, world: is it (really) fine?'],
    ['照片(左二)为张三', '照片（左二）为张三'],
    ['记者李明(Li Ming)报道', '记者李明（Li Ming）报道'],
    ['(1)加强学习', '（1）加强学习'],
    ['他说:"OK",然后', '他说："OK"，然后'],
    ['“二次创业”,为', '“二次创业”，为'],
    ['增长6.5%,居全市', '增长6.5%，居全市'],
    ['使用f(x)计算', '使用f(x)计算'],
    ['向?嵺`運用', '向?嵺`運用'], // a lost character, not a question mark
  ])('%s -> %s', (input, output) => {
    expect(run(input)).toBe(output);
  });

  it.each([
    ['inline code', '运行`a,b:c`即可,好', '运行`a,b:c`即可，好'],
    ['a link destination', '见[链接](https://x.cn/a,b)说明,好', '见[链接](https://x.cn/a,b)说明，好'],
    ['an autolink', '见<https://x.cn/?a=1>,好', '见<https://x.cn/?a=1>，好'],
    ['an HTML tag', '图<img alt="a,b:中">,好', '图<img alt="a,b:中">，好'],
    ['an image after Chinese', '见图![说明](a.png)', '见图![说明](a.png)'],
    ['front-matter keys and flow lists', '---\ntitle: 标题:副题\ntags: [经济, 民生]\n---\n正文,好', '---\ntitle: 标题：副题\ntags: [经济, 民生]\n---\n正文，好'],
    ['a fenced block', '```\n中,文\n```\n中,文', '```\n中,文\n```\n中，文'],
    ['an ordered list marker', '1) 中文,好', '1) 中文，好'],
  ])('in Markdown leaves %s alone', (_, input, output) => {
    expect(run(input, 'markdown')).toBe(output);
  });

  it('converts only text nodes in HTML', () => {
    expect(run('<p title="a,b">中文,好</p><code>中,文</code>', 'html')).toBe('<p title="a,b">中文，好</p><code>中,文</code>');
  });
});

describe('paragraph-indent', () => {
  const run = (text: string, format: 'text' | 'markdown' | 'html' = 'text') =>
    repairText(text, { rules: only('paragraph-indent'), format }).text;

  it.each([
    ['text', '  第一段\n\u3000\u3000第二段\n  English stays', '第一段\n第二段\n  English stays'],
    ['markdown', '  第一段\n\n\u3000\u3000第二段', '第一段\n\n第二段'],
    ['markdown', '正文\n\n    代码块中文', '正文\n\n    代码块中文'],
    ['markdown', '- 列表项\n\n  列表续段中文', '- 列表项\n\n  列表续段中文'],
    ['markdown', '```\n  代码\n```', '```\n  代码\n```'],
    ['markdown', '> 引用\n>   引文', '> 引用\n>   引文'],
    ['html', '<p>\u3000\u3000第一段</p><pre>  代码</pre>', '<p>第一段</p><pre>  代码</pre>'],
  ] as const)('%s: %j', (format, input, output) => {
    expect(run(input, format)).toBe(output);
  });
});

describe('script', () => {
  it.each([
    ['zh-Hans', '市中區以更實更細舉措', '市中区以更实更细举措'],
    ['zh-Hant', '市中区以更实更细举措', '市中區以更實更細舉措'],
    ['keep', '市中區', '市中區'],
  ] as const)('%s: %s -> %s', (script, input, output) => {
    expect(repairText(input, { script, rules: only('script') }).text).toBe(output);
  });

  it('leaves front-matter keys and code alone', () => {
    const source = '---\n標題: 發展\n---\n發展`發展`\n\n    發展代碼';
    const out = repairText(source, { script: 'zh-Hans', rules: only('script'), format: 'markdown' }).text;
    expect(out).toBe('---\n標題: 发展\n---\n发展`發展`\n\n    發展代碼');
  });

  it('is off when the rule is switched off even with a target script', () => {
    expect(repairText('發展', { script: 'zh-Hans', rules: { script: false } }).text).toBe('發展');
  });
});
