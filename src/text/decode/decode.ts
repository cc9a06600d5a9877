import type { DecodeOptions, DecodeResult } from '../types.js';
import { sniffBom } from './bom.js';
import { failBomMismatch, failInvalidBytes, failUnsupported, type DecodeSite } from './decode-errors.js';
import { canonicalEncoding } from './encoding-name.js';
import { detectEncoding } from './detect-encoding.js';
import { canDecode, decodeStrict, isValidIn } from './strict.js';
import { utf16Evidence } from './utf16.js';

/** Encodings the detector may choose from unless the site says otherwise. */
export const defaultCandidates: readonly string[] = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'];

/** `decode` options plus what only `decodeSource` knows. */
export interface DecodeContext extends DecodeOptions {
  /** The file's key in the config `encoding` map, shown in the note of a refusal. */
  readonly configKey?: string;
  /** A label inside the file (HTML `<meta charset>`): used only when valid UTF-8 did not settle it and the bytes decode in it. */
  readonly label?: string;
}

/**
 * Decode a file's bytes to text. Evidence, strongest first: a BOM, a declared encoding, strict UTF-8
 * validity, an in-file label, then the detector limited to the candidates. Throws a ContentError when
 * the bytes are invalid in the chosen encoding or the evidence is too weak to choose.
 */
export function decode(bytes: Uint8Array, options: DecodeContext = {}): DecodeResult {
  const file = options.path ?? '<input>';
  const site: DecodeSite = { file, configKey: options.configKey ?? file };
  const bom = sniffBom(bytes);
  if (bom) return decodeAfterBom(bytes, bom.encoding, bom.length, site);
  if (options.declared !== undefined) {
    return { ...decodeOrFail(bytes, canonicalEncoding(options.declared), site), confidence: 1, decidedBy: 'declared' };
  }
  const utf8 = bytes.indexOf(0) === -1 ? decodeStrict(bytes, 'utf-8') : undefined;
  if (utf8?.ok) return { text: utf8.text, encoding: 'utf-8', confidence: 1, decidedBy: 'utf8' };
  const label = options.label === undefined ? undefined : canonicalEncoding(options.label);
  if (label !== undefined && label !== 'utf-8' && canDecode(label)) {
    const labelled = decodeStrict(bytes, label);
    if (labelled.ok) return { text: labelled.text, encoding: label, confidence: 1, decidedBy: 'declared' };
  }
  const candidates = (options.candidates ?? defaultCandidates).map(canonicalEncoding);
  const guess = detectEncoding(bytes, candidates, site);
  return { ...decodeOrFail(bytes, guess.encoding, site), confidence: guess.confidence, decidedBy: 'detected' };
}

function decodeOrFail(bytes: Uint8Array, encoding: string, site: DecodeSite, skipped = 0): { text: string; encoding: string } {
  if (!canDecode(encoding)) failUnsupported(site, encoding);
  const result = decodeStrict(bytes, encoding);
  if (!result.ok) failInvalidBytes(site, encoding, result, skipped);
  return { text: result.text, encoding };
}

function decodeAfterBom(bytes: Uint8Array, encoding: string, length: number, site: DecodeSite): DecodeResult {
  const body = bytes.subarray(length);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') checkByteOrder(body, encoding, site);
  return { ...decodeOrFail(body, encoding, site, length), confidence: 1, decidedBy: 'bom' };
}

/** A BOM written by a tool that then saved the other byte order decodes to plausible-looking garbage: refuse it. */
function checkByteOrder(body: Uint8Array, bomEncoding: string, site: DecodeSite): void {
  const evidence = utf16Evidence(body);
  if (evidence && evidence.encoding !== bomEncoding && evidence.confidence > 0.9 && isValidIn(body, evidence.encoding)) {
    failBomMismatch(site, bomEncoding, evidence.encoding);
  }
}
