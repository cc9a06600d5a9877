import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { serializeMarkdownSource } from '../../../src/content/serialize.js';
import type { ParsedSource } from '../../../src/content/types.js';

const source = (data: Record<string, string>, body = '正文。\n'): ParsedSource => ({
  path: 'content/old/a.txt',
  format: 'legacy-text',
  data,
  body,
  bodyLine: 5,
  keyLines: {},
});

// gray-matter is what the front-matter parser reads imported sources with.
const reread = (text: string): { data: unknown; content: string } => {
  const { data, content } = matter(text);
  return { data, content };
};

describe('serializeMarkdownSource', () => {
  it('writes readable front matter in a fixed key order, then the body', () => {
    const text = serializeMarkdownSource(
      source({ editor: '时金', source: '济南日报', date: '2023-12-20', title: '市中区以更实更细举措扎实开展主题教育' }),
      { column: 'news' },
    );
    expect(text).toBe(
      '---\ntitle: 市中区以更实更细举措扎实开展主题教育\ndate: "2023-12-20"\nsource: 济南日报\neditor: 时金\ncolumn: news\n---\n\n正文。\n',
    );
  });

  it.each([
    ['a date', '2023-12-20'],
    ['a date and time', '2019-09-23 14:34:05'],
    ['a YAML boolean', 'yes'],
    ['a number', '0x1F'],
    ['null', 'null'],
    ['a colon and hash', '国务院联防联控机制: 湖北 #要'],
    ['a leading dash', '- 定了！'],
    ['quotes', '"引号" \'单引号\''],
    ['a line separator', 'a\u2028b'],
    ['leading space', ' 标题'],
  ])('round-trips %s through gray-matter as the same string', (_name, value) => {
    const text = serializeMarkdownSource(source({ title: value }));
    expect(reread(text).data).toEqual({ title: value });
  });

  it('round-trips any single-line string value and keeps the body', () => {
    const value = fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => !/[\r\n]/.test(s));
    fc.assert(
      fc.property(value, value, (title, editor) => {
        const parsed = reread(serializeMarkdownSource(source({ title, editor }, '一段。\n\n## 小标题\n')));
        expect(parsed.data).toEqual({ title, editor });
        expect(parsed.content).toBe('\n一段。\n\n## 小标题\n');
      }),
    );
  });
});
