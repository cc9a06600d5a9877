import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStrict } from '../../../../src/text/decode/strict.js';

// WHATWG's fatal UTF-8 decoder is the definition decodeStrict's UTF-8 fast path must match.
const oracle = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const expected = (bytes: Uint8Array): string | undefined => {
  try {
    return oracle.decode(bytes);
  } catch {
    return undefined;
  }
};

// Bytes around every boundary of UTF-8: ASCII, continuations, overlong and surrogate lead bytes, the last planes, invalid leads.
const byte = fc.oneof(
  fc.constantFrom(0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xbb),
  fc.integer({ min: 0, max: 255 }),
);
const text = fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8')));

describe('decodeStrict as UTF-8', () => {
  it.each([
    ['a BOM, kept as U+FEFF', [0xef, 0xbb, 0xbf, 0x41], '\ufeffA'],
    ['a noncharacter', [0xef, 0xbf, 0xbe], '\ufffe'],
    ['an astral character', [0xf0, 0x9f, 0x98, 0x80], '😀'],
    ['nothing', [], ''],
  ])('decodes %s', (_name, bytes, text) => {
    expect(decodeStrict(new Uint8Array(bytes), 'utf-8')).toEqual({ ok: true, text });
  });

  it.each([
    ['an encoded surrogate', [0x41, 0xed, 0xa0, 0x80], 1],
    ['an overlong form', [0xc0, 0x80], 0],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a cut sequence', [0x41, 0x42, 0xe4, 0xb8], 2],
  ])('refuses %s at its byte offset', (_name, bytes, byteOffset) => {
    expect(decodeStrict(new Uint8Array(bytes), 'utf-8')).toMatchObject({ ok: false, byteOffset });
  });

  it('agrees with the fatal TextDecoder on any bytes and on any valid text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 12 }), fc.array(byte, { maxLength: 12 }).map((b) => new Uint8Array(b)), text), (bytes) => {
        const result = decodeStrict(bytes, 'utf-8');
        const want = expected(bytes);
        expect(result.ok ? result.text : undefined).toBe(want);
      }),
      { numRuns: 20000 },
    );
  });
});
