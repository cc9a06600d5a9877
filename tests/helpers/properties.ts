import fc from 'fast-check';
import { expect } from 'vitest';
import { isContentError } from '../../src/diagnostics/content-error.js';

/** Characters newsroom text is made of, with the ones parsers treat specially over-represented. */
const specials = [...'，。、；：？！“”‘’（）【】《》…—·　 \t\n\r---:#*_`"\'[]{}<>&|\\/.0123456789年月日'];

/** One piece of Chinese/Latin text: CJK ideographs, ASCII, full-width punctuation or any code point. */
export const textUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)) },
  { weight: 3, arbitrary: fc.constantFrom(...specials) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

/** Arbitrary Chinese/Latin text. */
export const newsText = (maxLength = 200): fc.Arbitrary<string> => fc.string({ unit: textUnit, maxLength });

/** Lines of news text, joined with newlines, so line-based parsers see many lines. */
export const newsLines = (maxLines = 20): fc.Arbitrary<string> =>
  fc.array(newsText(40), { maxLength: maxLines }).map((lines) => lines.join('\n'));

/**
 * Call `run`: it must return a value or throw a ContentError whose every diagnostic names `file`
 * at a real 1-based position; anything else (TypeError, RangeError, a plain Error) fails.
 */
export function valueOrContentError<T>(run: () => T, file: string, text?: string): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!isContentError(error)) throw error;
    const lineCount = text === undefined ? Number.POSITIVE_INFINITY : text.split('\n').length + 1;
    for (const d of error.diagnostics) {
      expect(d.file).toBe(file);
      expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lineCount, `line ${d.line}`).toBe(true);
      expect(Number.isInteger(d.column) && d.column >= 1, `column ${d.column}`).toBe(true);
      expect(d.message.length).toBeGreaterThan(0);
    }
    return undefined;
  }
}
