import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/text/normalize.js';

describe('normalizeText', () => {
  it.each([
    ['CRLF to LF', '标题\r\n正文\r\n', '标题\n正文\n'],
    ['a lone CR to LF', '标题\r正文', '标题\n正文'],
    ['BOM and zero-width characters removed', '\ufeff市\u200b中\u200d区\u2060', '市中区'],
    ['controls removed, tab kept', 'a\u0000b\u0007\tc\u0085', 'ab\tc'],
    ['trailing spaces removed', '正文  \n第二行\u3000\t\n', '正文\n第二行\n'],
    ['NFC composes', 'e\u0301 u\u0308', 'é ü'],
    ['full-width punctuation kept (no NFKC)', '发布日期：2023（左二），１２３', '发布日期：2023（左二），１２３'],
    ['ideographic-space indent kept', '\u3000\u3000第一段', '\u3000\u3000第一段'],
  ])('%s', (_, input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  it('never changes the number of lines', () => {
    const input = 'a\r\nb\rc\n\u200b\r\n \r\n';
    expect(normalizeText(input).split('\n')).toHaveLength(6);
  });
});
