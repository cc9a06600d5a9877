import { describe, expect, it } from 'vitest';
import { codePointSet } from '../../../src/text/code-point-set.js';

const han = codePointSet(/\p{Script=Han}/u);

describe('codePointSet', () => {
  it.each([
    ['中', true], ['〇', true], ['𠀀', true], ['あ', false], ['A', false], ['，', false], ['𝐀', false],
  ])('%s in Han: %s', (char, expected) => {
    expect(han.has(char.codePointAt(0) ?? 0)).toBe(expected);
  });

  it('gives the same answers from its BMP table, surrogates excluded', () => {
    const table = han.bmpTable();
    expect([0x4e2d, 0x3007, 0x3042, 0x41, 0xd840, 0xdc00].map((cp) => table[cp])).toEqual([1, 1, 0, 0, 0, 0]);
  });
});
