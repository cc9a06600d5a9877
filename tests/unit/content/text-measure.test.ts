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
  ])('%j counts %i', (text, expected) => {
    expect(countCharacters(text)).toBe(expected);
  });
});
