import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../../src/diagnostics/index.js';
import { repairText } from '../../../../src/text/repair/index.js';

const warnings = (text: string, script: 'keep' | 'zh-Hans' = 'keep', format: 'text' | 'markdown' = 'text') =>
  repairText(text, { path: 'a.txt', script, format }).warnings.map(formatDiagnostic);

describe('lossy-conversion check', () => {
  it.each([
    ['U+FFFD', '正文\n市中\ufffd区', 'a.txt:2:3: warning: text looks damaged by a lossy conversion (replacement character U+FFFD): "市中\ufffd区" [text/lossy-conversion]'],
    ['? before a Chinese character', '市中?区', 'a.txt:1:3: warning: text looks damaged by a lossy conversion ("?" before a Chinese character): "市中?区" [text/lossy-conversion]'],
    ['stray backtick', '嵺`運用', 'a.txt:1:2: warning: text looks damaged by a lossy conversion (stray backtick after an ideograph): "嵺`運用" [text/lossy-conversion]'],
    ['lone surrogate', '市\ud800区', 'a.txt:1:2: warning: text looks damaged by a lossy conversion (lone surrogate): "市\ud800区" [text/lossy-conversion]'],
  ])('%s', (_, text, expected) => {
    expect(warnings(text)[0]?.split('\n')[0]).toBe(expected);
  });

  it.each([
    ['a question mark', '真的吗?'],
    ['a URL query', '详见 https://a.b/c?d=1'],
    ['an inline code span in Markdown', '运行`npm`即可'],
    ['a question mark in English', 'Is it? Yes.'],
  ])('is quiet about %s', (_, text) => {
    expect(warnings(text, 'keep', 'markdown')).toEqual([]);
  });

  it('reports the column in the file as given, before CRLF and BOM removal', () => {
    expect(warnings('\ufeff标题\r\n向?qū)嵺`運用')[0]).toMatch(/^a\.txt:2:2: /);
  });
});

describe('bracket check', () => {
  it.each([
    ['《人民日报》报道（记者）', []],
    ['他说：“你好', ['a.txt:1:4']],
    ['报道）完', ['a.txt:1:3']],
    ['【通知', ['a.txt:1:1']],
    ['“第一段\n“第二段。”', []], // a quotation running over paragraphs reopens each one
    ["it’s fine", []],
  ])('%j', (text, at) => {
    expect(warnings(text).filter((w) => w.includes('unbalanced-bracket')).map((w) => w.split(': ')[0])).toEqual(at);
  });

  it.each([
    ['也可通过[国家政务服务平台](https://gjzwfw.www.gov.cn/)查询。', []],
    ['见[附件](/files/a(1).pdf "说明")。', []],
    ['见[附件(/files/a.pdf)。', ['a.txt:4:2']],
  ])('Markdown link %j', (text, at) => {
    const markdown = `---\ntitle: t\n---\n${text}`;
    expect(warnings(markdown, 'keep', 'markdown').filter((w) => w.includes('unbalanced-bracket')).map((w) => w.split(': ')[0])).toEqual(at);
  });
});

describe('mixed-script check', () => {
  it('warns when Simplified-only and Traditional-only characters meet and script is keep', () => {
    const [w] = warnings('这是简体文章，只有一個繁體字');
    expect(w).toMatch(/^a\.txt:1:11: warning: the article mixes Simplified and Traditional characters .*\[text\/mixed-script\]/);
  });

  it.each([
    ['a Traditional-only character outside the BMP', '这是简体文章𠁞', 'a.txt:1:7: warning: the article mixes Simplified and Traditional characters (3 Simplified-only, 1 Traditional-only; traditional: 𠁞) [text/mixed-script]'],
    ['after a character outside the BMP', '𠀾這個', 'a.txt:1:1: warning: the article mixes Simplified and Traditional characters (1 Simplified-only, 2 Traditional-only; simplified: 𠀾) [text/mixed-script]'],
    ['a lone surrogate before a Traditional-only character', '这\ud800個', 'a.txt:1:1: warning: the article mixes Simplified and Traditional characters (1 Simplified-only, 1 Traditional-only; simplified: 这) [text/mixed-script]'],
  ])('counts %s', (_, text, expected) => {
    expect(warnings(text).filter((w) => w.includes('mixed-script')).map((w) => w.split('\n')[0])).toEqual([expected]);
  });

  it('leaves out characters in code', () => {
    const markdown = '---\ntitle: t\n---\n这是简体文章，见`個別`和\n\n    這個\n';
    expect(warnings(markdown, 'keep', 'markdown').filter((w) => w.includes('mixed-script'))).toEqual([]);
  });

  it.each([
    ['all Simplified', '这是简体文章', 'keep'],
    ['all Traditional', '這是繁體文章', 'keep'],
    ['converted anyway', '这是简体文章，只有一個繁體字', 'zh-Hans'],
  ] as const)('is quiet when %s', (_, text, script) => {
    expect(warnings(text, script).filter((w) => w.includes('mixed-script'))).toEqual([]);
  });
});
