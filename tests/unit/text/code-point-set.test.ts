import { describe, expect, it } from 'vitest';
import { codePointSet, countInSet } from '../../../src/text/code-point-set.js';

const han = codePointSet(/\p{Script=Han}/u);

describe('codePointSet', () => {
  it.each([
    ['中', true], ['〇', true], ['𠀀', true], ['あ', false], ['A', false], ['，', false], ['𝐀', false],
  ])('%s in Han: %s', (char, expected) => {
    expect(han.has(char.codePointAt(0) ?? 0)).toBe(expected);
  });

  it('counts astral characters once and ignores everything else', () => {
    expect(countInSet('𠀀中a，文😀', han)).toBe(3);
  });
});
