import { describe, expect, it } from 'vitest';
import { charScript, convertScript } from '../../../src/text/script.js';

// charScript reads the committed tables of src/text/script-data.ts; OpenCC is the truth they were made from.
function openccScript(char: string): string {
  const traditionalOnly = convertScript(char, 'zh-Hans') !== char;
  const simplifiedOnly = convertScript(char, 'zh-Hant') !== char;
  return traditionalOnly && !simplifiedOnly ? 'traditional' : simplifiedOnly && !traditionalOnly ? 'simplified' : 'both';
}

describe('charScript', () => {
  it.each([
    ['国', 'simplified'],
    ['國', 'traditional'],
    ['发', 'simplified'],
    ['髮', 'traditional'],
    ['中', 'both'],
    ['人', 'both'],
    ['𠮷', 'both'],
    ['A', 'both'],
  ])('classifies %s as %s', (char, expected) => {
    expect(charScript(char)).toBe(expected);
  });

  it('agrees with OpenCC on every Han character (run scripts/gen-script-data.mjs when it does not)', () => {
    const disagreements: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (!/^\p{Script=Han}$/u.test(char)) continue;
      if (charScript(char) !== openccScript(char)) disagreements.push(char);
    }
    expect(disagreements.slice(0, 20)).toEqual([]);
  });
});
