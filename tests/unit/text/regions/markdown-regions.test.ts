import { describe, expect, it } from 'vitest';
import { linkDestinationRanges } from '../../../../src/text/regions/markdown-regions.js';

describe('linkDestinationRanges', () => {
  it.each([
    ['见[附件](/files/a(1).pdf "说明")。', [[5, 27]]],
    ['[a](b](c))', [[3, 10]]], // a "](" inside a destination starts no second one
    ["[a](<x y>) 和 [b](u 't')", [[3, 10], [16, 23]]],
    ['[a](x)](y)', [[3, 6], [7, 10]]],
    ['[a]((b))', [[3, 8]]],
    ['[x]( 无)', []],
    ['](', []],
    ['没有链接（括号）', []],
  ])('%j', (text, expected) => {
    expect(linkDestinationRanges(text).map((r) => [r.start, r.end])).toEqual(expected);
  });
});
