import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticOf } from '../../helpers/errors.js';
import { formatDiagnostic } from '../../../src/diagnostics/index.js';
import { parseLegacyText } from '../../../src/content/legacy-text.js';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/legacy/${name}`, import.meta.url)), 'utf8');


describe('parseLegacyText on the hand-repaired seed', () => {
  // Counted by hand in ../shared/seeds/000_862fb1d576b5b9c2.txt: one lead paragraph, then
  // 书上学 (2 paragraphs), 一线看 (5), 事上见 (5).
  it.each([
    ['seed-repaired-zh-hans.txt', '市中区以更实更细举措扎实开展主题教育', '济南日报', '时金', ['书上学 强化理论学习筑牢思想根基', '一线看 深入调查研究出实招办实事', '事上见 突出治标治本检视整改落实落细']],
    ['seed-repaired-zh-hant.txt', '市中區以更實更細舉措扎實開展主題教育', '濟南日報', '時金', ['書上學 強化理論學習筑牢思想根基', '一線看 深入調查研究出實招辦實事', '事上見 突出治標治本檢視整改落實落細']],
  ])('%s: fields, three sections, 13 paragraphs', (name, title, source, editor, headings) => {
    const parsed = parseLegacyText(fixture(name), { path: `content/old/${name}` });
    expect(parsed.format).toBe('legacy-text');
    expect(parsed.data).toEqual({ title, date: '2023-12-20', source, editor });
    expect(parsed.keyLines).toEqual({ title: 3, date: 5, source: 7, editor: 25 });
    expect(parsed.sections.filter((s) => s.heading !== undefined).map((s) => s.heading)).toEqual(headings);
    expect(parsed.sections.map((s) => s.paragraphs.length)).toEqual([1, 2, 5, 5]);
    expect(parsed.bodyLine).toBe(9);
    expect(parsed.warnings).toEqual([]);
  });

  it('writes the body as Markdown with ## subheadings and no page furniture', () => {
    const { body } = parseLegacyText(fixture('seed-repaired-zh-hans.txt'), { path: 'a.txt' });
    const blocks = body.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(16);
    expect(blocks[1]).toBe('## 书上学 强化理论学习筑牢思想根基');
    expect(blocks[0]).toMatch(/^第二批主题教育开展以来，市中区通过/);
    expect(blocks.at(-1)).toMatch(/走好新时代赶考之路。$/);
    expect(body).not.toMatch(/友情链接|编辑：|星期四|\n\?\n|　/);
    // `+` inside a sentence is literal text and needs no escape.
    expect(body).toContain('通过“主会场+分会场”');
  });
});

describe('parseLegacyText layouts', () => {
  it.each([
    ['one line of metadata', '标题\n发布时间：2024年5月6日 9:05  来源：本网\n正文。\n编辑：王五', { title: '标题', date: '2024-05-06 09:05', source: '本网', editor: '王五' }],
    ['Traditional labels, ASCII colons', '標題\n日期:2024/5/6\n來源:本網\n責任編輯:王五\n正文。', { title: '標題', date: '2024-05-06', source: '本網', editor: '王五' }],
    ['an author line', '标题\n发布日期：2024-05-06 10:11:12\n作者：李四\n来源：本网\n正文。\n【打印本页】【关闭窗口】\n编辑：王五', { title: '标题', date: '2024-05-06 10:11:12', author: '李四', source: '本网', editor: '王五' }],
  ])('%s', (_name, text, data) => {
    expect(parseLegacyText(text, { path: 'a.txt' }).data).toEqual(data);
  });

  it('escapes Markdown-special characters so they render literally', () => {
    const { body } = parseLegacyText('标题\n日期：2024-05-06\n来源：本网\n1. 要点*一*。\n# 不是标题 [链接]。\n编辑：王五', { path: 'a.txt' });
    expect(body).toBe('1\\. 要点\\*一\\*。\n\n\\# 不是标题 \\[链接\\]。\n');
  });

  it('warns about a missing source and editor', () => {
    const parsed = parseLegacyText('标题\n日期：2024-05-06\n正文。', { path: 'content/old/b.txt' });
    expect(parsed.warnings.map(formatDiagnostic)).toEqual([
      'content/old/b.txt:1:1: warning: no source found [legacy/missing-source]\n  note: add it to the front matter after `broadsheet import`, or a line such as `信息来源：...` to the export',
      'content/old/b.txt:1:1: warning: no editor found [legacy/missing-editor]\n  note: add it to the front matter after `broadsheet import`, or a line such as `编辑：...` to the export',
    ]);
  });

  it.each([
    ['no title', '', 'content/old/a.txt:1:1: error: no title found [legacy/missing-title]'],
    ['only metadata', '来源：本网\n日期：2024-05-06\n正文。', 'content/old/a.txt:1:1: error: no title found [legacy/missing-title]'],
    ['no date', '标题\n来源：本网\n正文。', 'content/old/a.txt:1:1: error: no date found [legacy/missing-date]'],
    ['a date that is not one', '标题\n\n日期：2024-13-40\n正文。', 'content/old/a.txt:3:1: error: date is not a date: "2024-13-40" [legacy/invalid-date]'],
  ])('%s is a clear error', (_name, text, message) => {
    expect(diagnosticOf(() => parseLegacyText(text, { path: 'content/old/a.txt' })).split('\n')[0]).toBe(message);
  });
});
