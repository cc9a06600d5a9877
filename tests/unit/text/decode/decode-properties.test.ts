import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../../src/text/decode/decode.js';
import { newsText, valueOrContentError } from '../../../helpers/properties.js';

const file = 'content/fuzz.txt';

/** Chinese text encoded in a legacy encoding, then damaged at a few random bytes. */
const damagedLegacy = fc
  .tuple(newsText(120), fc.constantFrom('gb18030', 'big5', 'utf-16le', 'utf-8'), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }))
  .map(([text, encoding, damage]) => {
    const bytes = new Uint8Array(iconv.encode(text, encoding));
    for (const [at, value] of damage) if (bytes.length > 0) bytes[at % bytes.length] = value;
    return bytes;
  });

describe('decode on arbitrary bytes', () => {
  it.each([
    ['random bytes', fc.uint8Array({ maxLength: 400 }), 2000],
    ['damaged legacy-encoded Chinese', damagedLegacy, 2000],
  ] as const)('%s: returns text or throws a ContentError with a position', (_name, bytes, numRuns) => {
    fc.assert(
      fc.property(bytes, (b) => {
        const result = valueOrContentError(() => decode(b, { path: file }), file);
        if (result) expect(typeof result.text).toBe('string');
      }),
      { numRuns },
    );
  });

  it('gives back exactly the text it was given, for any text saved as UTF-8', () => {
    fc.assert(
      fc.property(newsText(200), (text) => {
        const result = decode(new TextEncoder().encode(text), { path: file });
        expect(result.text).toBe(text.replace(/^\uFEFF/, ''));
      }),
      { numRuns: 1000 },
    );
  });
});
