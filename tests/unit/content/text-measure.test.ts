import { describe, expect, it } from 'vitest';
import { countCharacters } from '../../../src/content/text-measure.js';

describe('countCharacters', () => {
  it.each([
    ['', 0],
    ['城市更新', 4],
    ['2024年GDP增长5.2%', 6],
    ['ひらがなとカタカナ', 9],
    ['서울 시청', 4],
    ['𠀀𠀁 rare Han', 4],
    ["the mayor's plan, 2024-01-31", 4],
    ['第3季度 Q3 报告', 7],
    ['中\ud800文', 2], // a lone surrogate is no character of either kind
    ['a\udc00b', 2],
    ['𠀀1𠀁', 3],
    ['〇〇七号', 5], // 〇 is Han and a number: a character and the start of a word
  ])('%j counts %i', (text, expected) => {
    expect(countCharacters(text)).toBe(expected);
  });
});
