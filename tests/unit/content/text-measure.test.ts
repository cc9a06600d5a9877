import { describe, expect, it } from 'vitest';
import { countCharacters, truncateText } from '../../../src/content/text-measure.js';

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

describe('truncateText', () => {
  it.each([
    ['城市更新', 4, '城市更新'],
    ['城市更新行动', 4, '城市更新…'],
    ['城市  \n 更新', 10, '城市 更新'],
    ['𠀀𠀁𠀂𠀃', 3, '𠀀𠀁𠀂…'], // astral characters count once and are never cut in half
    ['𠀀𠀁𠀂', 3, '𠀀𠀁𠀂'], // six UTF-16 units, three characters: not cut
    ['市 民 活 动', 2, '市…'], // the space before the cut goes
  ])('%j to %i characters', (text, length, expected) => {
    expect(truncateText(text, length)).toBe(expected);
  });
});
