import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairText } from '../../../../src/text/repair/index.js';
import { normalizeText } from '../../../../src/text/normalize.js';
import type { RepairRuleName } from '../../../../src/text/types.js';

// Chinese and Latin text with the characters the rules react to, so generated cases hit the traps.
const pieces = [
  '市', '中', '區', '区', '學', '习', '發', '展', '向', '嵺', '實', '踐', '的', '行',
  '(qū)', '(xué)', '(xí)', '(háng)', '(a)', '(左二)', 'qū)', 'Li Ming', 'f(x)', '1,000', '10:30', 'https://a.b/c?d=1',
  ',', ':', ';', '?', '!', '(', ')', '，', '：', '（', '）', '“', '”', '`', ' ', '  ', '\u3000', '\n', '\n\n', '\r\n', '\ufeff', '\u200b',
  '- ', '    ', '```', '---', 'word', 'Hello', '2023', '\ufffd',
];
const chineseLatin = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
const formats = fc.constantFrom('text' as const, 'markdown' as const, 'html' as const);
const rules: RepairRuleName[] = ['pinyin-annotations', 'cjk-punctuation', 'paragraph-indent', 'script'];

describe('repairText properties', () => {
  it.each(rules)('the %s rule is idempotent', (rule) => {
    const options = { rules: Object.fromEntries(rules.map((r) => [r, r === rule])), script: 'zh-Hans' as const };
    fc.assert(
      fc.property(chineseLatin, formats, (text, format) => {
        const once = repairText(text, { ...options, format }).text;
        expect(repairText(once, { ...options, format }).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it.each(['zh-Hans', 'zh-Hant', 'keep'] as const)('all rules together are idempotent (script %s)', (script) => {
    fc.assert(
      fc.property(chineseLatin, formats, (text, format) => {
        const once = repairText(text, { script, format });
        const twice = repairText(once.text, { script, format });
        expect(twice.text).toBe(once.text);
        expect(twice.repairs).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never adds or removes a line break', () => {
    fc.assert(
      fc.property(chineseLatin, formats, (text, format) => {
        const lines = text.split(/\r\n|\r|\n/).length;
        expect(repairText(text, { script: 'zh-Hans', format }).text.split('\n')).toHaveLength(lines);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary strings, and reports positions inside the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), formats, (text, format) => {
        const result = repairText(text, { script: 'zh-Hans', format });
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const p of [...result.repairs, ...result.warnings]) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lineCount);
          expect(p.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('normalizeText is idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });
});
