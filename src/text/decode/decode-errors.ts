import { failContent, positionAt } from '../../diagnostics/index.js';
import type { InvalidBytes } from './strict.js';

/** An encoding the detector considered, with its confidence. */
export interface Candidate {
  readonly encoding: string;
  readonly confidence: number;
}

/** Where a decode problem is reported: the file in diagnostics, its key in the config `encoding` map. */
export interface DecodeSite {
  readonly file: string;
  readonly configKey: string;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
}

/** Confidence as printed: two decimals. */
export function formatConfidence(confidence: number): string {
  return confidence.toFixed(2);
}

function settleNote(site: DecodeSite, encoding: string): string {
  return `declare it in site.config.json: "encoding": { ${JSON.stringify(site.configKey)}: ${JSON.stringify(encoding)} }`;
}

/** Refuse a file whose encoding the evidence does not settle, naming the candidates and the config line. */
export function failAmbiguous(site: DecodeSite, ranked: readonly Candidate[], short: boolean): never {
  const [best, ...rest] = ranked;
  if (!best) throw new Error('Internal error: failAmbiguous without candidates');
  const others = rest.slice(0, 2).map((c) => ` or ${c.encoding} (${formatConfidence(c.confidence)})`);
  const what = short ? 'this short file' : 'this file';
  failContent({
    code: 'decode/ambiguous-encoding',
    file: site.file,
    message: `cannot tell the encoding of ${what}: ${best.encoding} (confidence ${formatConfidence(best.confidence)})${others.join('')}`,
    note: settleNote(site, best.encoding),
  });
}

/**
 * Refuse a file that no candidate encoding can decode. When it is almost UTF-8 (the usual case: a
 * UTF-8 article with a few damaged bytes), the position of the first bad bytes is where to look.
 */
export function failNoCandidate(site: DecodeSite, candidates: readonly string[], notUtf8?: InvalidBytes): never {
  const where = notUtf8 === undefined
    ? ''
    : `; the first bytes that are not UTF-8 are ${hex(notUtf8.bytes)} at byte offset ${notUtf8.byteOffset}`;
  failContent({
    ...(notUtf8 === undefined ? {} : positionAt(notUtf8.textBefore, notUtf8.textBefore.length)),
    code: 'decode/unknown-encoding',
    file: site.file,
    message: `cannot tell the encoding of this file: its bytes are not valid in any candidate encoding (${candidates.join(', ')})${where}`,
    note: `if you know its encoding, ${settleNote(site, 'ENCODING')}; or add it to "candidates"`,
  });
}

/** Refuse an encoding name we cannot decode. */
export function failUnsupported(site: DecodeSite, encoding: string): never {
  failContent({
    code: 'decode/unsupported-encoding',
    file: site.file,
    message: `unknown encoding "${encoding}"`,
    note: 'use a name such as utf-8, gb18030, big5, utf-16le, utf-16be, shift_jis or euc-kr',
  });
}

/** Report undecodable bytes at their line and column in the text decoded up to them. */
export function failInvalidBytes(site: DecodeSite, encoding: string, invalid: InvalidBytes, skipped: number): never {
  const position = positionAt(invalid.textBefore, invalid.textBefore.length);
  const one = invalid.bytes.length === 1;
  const offset = invalid.byteOffset + skipped;
  failContent({
    ...position,
    code: 'decode/invalid-bytes',
    file: site.file,
    message: `${one ? 'byte' : 'bytes'} ${hex(invalid.bytes)} at byte offset ${offset} ${one ? 'is' : 'are'} not valid ${encoding}`,
    note: `the file is damaged there or is not ${encoding}: re-save it from its original program as UTF-8, or fix the "encoding" entry for it in site.config.json`,
  });
}

/** Refuse a UTF-16 file whose byte order mark contradicts its bytes. */
export function failBomMismatch(site: DecodeSite, bom: string, actual: string): never {
  failContent({
    code: 'decode/bom-mismatch',
    file: site.file,
    message: `the byte order mark says ${bom} but the text is ${actual}`,
    note: `re-save the file as UTF-8 (or as ${actual} with a correct byte order mark)`,
  });
}
