import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/text/normalize.js';
import { repairText } from '../../../src/text/repair/repair-text.js';
import { newsLines, newsText, valueOrContentError } from '../../helpers/properties.js';

const file = 'content/fuzz.md';
const formats = ['markdown', 'text', 'html'] as const;

describe('normalizeText', () => {
  it('is idempotent on arbitrary Chinese/Latin text', () => {
    fc.assert(
      fc.property(newsText(300), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('repairText', () => {
  it.each(formats)('%s: returns a value or a ContentError, and repairing again changes nothing', (format) => {
    fc.assert(
      fc.property(newsLines(12), (text) => {
        const once = valueOrContentError(() => repairText(text, { path: file, format }), file, text);
        if (!once) return;
        for (const w of once.warnings) expect(w.line).toBeGreaterThanOrEqual(1);
        const twice = repairText(once.text, { path: file, format });
        expect(twice.text).toBe(once.text);
        expect(twice.repairs).toEqual([]);
      }),
      { numRuns: 700 },
    );
  });
});
