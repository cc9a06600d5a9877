import fc from 'fast-check';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readSimpleYaml } from '../../../src/content/simple-yaml.js';

const core = (block: string): unknown => yaml.load(block, { schema: yaml.CORE_SCHEMA });

describe('readSimpleYaml', () => {
  it.each([
    ['quoted, date and plain Chinese', '\ntitle: "城郊：新区 # 1"\ndate: 2024-01-01 09:26:00\ncolumn: 健康', { title: '城郊：新区 # 1', date: '2024-01-01 09:26:00', column: '健康' }],
    ['quotes and brackets inside plain text', '\nsummary: 他说"你好"[1]#2', { summary: '他说"你好"[1]#2' }],
    ['an empty quoted value', '\nsource: ""', { source: '' }],
  ])('reads %s as js-yaml does', (_name, block, expected) => {
    expect(readSimpleYaml(block)).toEqual(expected);
    expect(core(block)).toEqual(expected);
  });

  it.each([
    ['an escape', '\ntitle: "a\\"b"'],
    ['a comment after plain text', '\ntitle: 标题 #注'],
    ['a colon and space in plain text', '\ntitle: 标题: 副标题'],
    ['a repeated key', '\ntitle: "a"\ntitle: "b"'],
    ['a number', '\nyear: 2024'],
    ['a boolean', '\ndraft: true'],
    ['a list', '\ntags: [a, b]'],
    ['a capitalised key', '\nTitle: "a"'],
    ['a tab', '\ntitle: "a\tb"'],
    ['text after the opening fence', ' \ntitle: "a"'],
    ['a blank line', '\ntitle: "a"\n'],
  ])('leaves %s to js-yaml', (_name, block) => {
    expect(readSimpleYaml(block)).toBeUndefined();
  });

  it('agrees with js-yaml on every block it reads', () => {
    const char = fc.constantFrom(...'标题中文 "\'\\:#-[]{},&*!|>%@`\t\u0085\u00a0\ufeff\ufffe\u2028\u0007aZ09.'.split(''), '𠀀', '\ud800');
    const text = fc.string({ unit: char, maxLength: 8 });
    const value = fc.oneof(
      text.map((t) => `"${t}"`),
      text.map((t) => `标${t}`),
      text,
      fc.constantFrom('2024-01-31', '2024-01-31 09:30', '2024-01-31 09:30:05', '2024-01-31T09:30', '2024-1-31', '12', '0x1F', 'null', '~', '.inf'),
    );
    const key = fc.constantFrom('title', 'date', 'source', 'a_1', 'null', 'true', 'Title', '__proto__', 'constructor', '1a');
    const block = fc.array(fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`), { minLength: 1, maxLength: 5 }).map((lines) => `\n${lines.join('\n')}`);
    let read = 0;
    fc.assert(
      fc.property(block, (b) => {
        const simple = readSimpleYaml(b);
        if (simple === undefined) return;
        read++;
        expect(simple).toEqual(core(b));
      }),
      { numRuns: 10000 },
    );
    // The generator must reach the fast path often, or the comparison proves nothing.
    expect(read).toBeGreaterThan(300);
  });
});
