import { describe, expect, it } from 'vitest';
import { findListedWords, parseWordList } from '../../../src/audit/words.js';
import { formatDiagnostic } from '../../../src/diagnostics/format.js';

const listText = '# 易错词\n截止目前→截至目前\n\n其它 -> 其他\n截止→截至\n禁用语\n';

describe('parseWordList', () => {
  it('reads corrections, forbidden expressions and comments', () => {
    const { list, diagnostics } = parseWordList(listText, 'audit/words.txt');
    expect(diagnostics).toEqual([]);
    expect(list.entries).toEqual([
      { wrong: '截止目前', right: '截至目前' },
      { wrong: '其它', right: '其他' },
      { wrong: '截止', right: '截至' },
      { wrong: '禁用语' },
    ]);
  });

  it.each([['a→b→c'], ['→截至'], ['截止→'], ['截止→截止']])('refuses %j at its line', (entry) => {
    const { diagnostics } = parseWordList(`截止目前→截至目前\n${entry}\n`, 'audit/words.txt');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `audit/words.txt:2:1: error: cannot read this entry: ${JSON.stringify(entry)} [audit/word-list]\n` +
        '  note: write "wrong→right" (e.g. 截止目前→截至目前) or a forbidden expression alone on its line',
    ]);
  });
});

describe('findListedWords', () => {
  const { list } = parseWordList(listText, 'audit/words.txt');
  it('reports each hit at its line and column in the original text, longest entry first', () => {
    const text = '---\ntitle: 截止目前的进展\n---\n\n𠀀截止目前，其它工作按期推进。截止到明天。\n';
    expect(findListedWords(text, 'content/a.md', list).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '2:8 "截止目前" should be "截至目前"',
      '5:2 "截止目前" should be "截至目前"',
      '5:7 "其它" should be "其他"',
      '5:16 "截止" should be "截至"',
    ]);
  });

  it('names a forbidden expression and where the list is', () => {
    const [d] = findListedWords('这是禁用语。', 'content/b.md', list);
    expect(formatDiagnostic(d!)).toBe('content/b.md:1:3: error: "禁用语" is a forbidden expression [audit/word]\n  note: listed in audit/words.txt');
  });

  it('finds nothing in clean text', () => {
    expect(findListedWords('截至目前，其他工作按期推进。', 'content/c.md', list)).toEqual([]);
  });
});
