import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/content/front-matter.js';

describe('parseFrontMatter key positions', () => {
  it.each([
    ['date: 2024-02-30', 'date', 3, 7],
    ['date:    2024-02-30', 'date', 3, 10],
    ['"date": 2024-02-30', 'date', 3, 9],
    ['来源说明: 新华社', '来源说明', 3, 7],
    ['tags:', 'tags', 3, 1],
  ])('%j: %s at %i:%i, where its value starts', (line, key, expectedLine, expectedColumn) => {
    const parsed = parseFrontMatter(`---\ntitle: 标题\n${line}\n---\n正文\n`, 'content/a.md');
    expect(parsed.keyLines[key]).toBe(expectedLine);
    expect(parsed.keyColumns?.[key]).toBe(expectedColumn);
  });
});
