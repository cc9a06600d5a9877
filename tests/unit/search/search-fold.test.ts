import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/search/search-core.js';
import { convertScript } from '../../../src/text/script.js';

describe('the search fold table (templates/assets/search-fold.js)', () => {
  it('turns every BMP Han character as OpenCC does, one character at a time (run scripts/gen-search-fold.mjs when this fails)', () => {
    const han = /^\p{Script=Han}$/u;
    const differences: string[] = [];
    for (let cp = 0x3000; cp <= 0xffff; cp++) {
      const char = String.fromCharCode(cp);
      if (cp >= 0xd800 && cp <= 0xdfff || !han.test(char)) continue;
      const converted = convertScript(char, 'zh-Hans');
      const expected = converted.length === 1 ? converted : char;
      if (foldText(char) !== expected) differences.push(`${char}: ${foldText(char)} != ${expected}`);
    }
    expect(differences.slice(0, 10)).toEqual([]);
  });

  it.each([
    ['臺灣經濟發展', '台湾经济发展'],
    ['主題教育與黨建', '主题教育与党建'],
    ['已是简体', '已是简体'],
  ])('folds %s to %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});
