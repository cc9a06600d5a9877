import { failAmbiguous, failNoCandidate, failUnsupported, type Candidate, type DecodeSite } from './decode-errors.js';
import { detectorScores } from './detect.js';
import { canDecode, decodeStrict, isValidIn, type InvalidBytes } from './strict.js';
import { utf16Evidence } from './utf16.js';

/** Below this the detector is guessing. */
const minConfidence = 0.5;
/** The winner must lead the runner-up by this much. */
const minMargin = 0.25;
/** With fewer non-ASCII bytes than this (about 16 CJK characters), statistics say little. */
const minEvidenceBytes = 32;

/** Choose among the candidates that decode the bytes strictly, or refuse when the evidence is weak. */
export function detectEncoding(bytes: Uint8Array, candidates: readonly string[], site: DecodeSite): Candidate {
  for (const encoding of candidates) if (!canDecode(encoding)) failUnsupported(site, encoding);
  const legacy = bytes.indexOf(0) === -1;
  const ranked = legacy ? rankLegacy(bytes, candidates) : rankUtf16(bytes, candidates);
  const [best, second] = ranked;
  if (!best) failNoCandidate(site, candidates, firstNonUtf8(bytes, candidates));
  if (legacy && second && countNonAscii(bytes) < minEvidenceBytes) failAmbiguous(site, ranked, true);
  if (best.confidence < minConfidence || (second && best.confidence - second.confidence < minMargin)) {
    failAmbiguous(site, ranked, false);
  }
  return best;
}

function firstNonUtf8(bytes: Uint8Array, candidates: readonly string[]): InvalidBytes | undefined {
  if (!candidates.includes('utf-8')) return undefined;
  const result = decodeStrict(bytes, 'utf-8');
  return result.ok ? undefined : result;
}

/** Files without zero bytes: multi-byte legacy encodings, scored by the detector. */
function rankLegacy(bytes: Uint8Array, candidates: readonly string[]): Candidate[] {
  const valid = candidates.filter((c) => c !== 'utf-8' && !c.startsWith('utf-16') && !c.startsWith('utf-32') && isValidIn(bytes, c));
  if (valid.length === 0) return [];
  const scores = detectorScores(bytes);
  return valid.map((encoding) => ({ encoding, confidence: scores.get(encoding) ?? 0 })).sort(byConfidence);
}

/** Files with zero bytes are UTF-16 (legacy encodings and UTF-8 text never contain them); the zeros give the order. */
function rankUtf16(bytes: Uint8Array, candidates: readonly string[]): Candidate[] {
  const evidence = utf16Evidence(bytes);
  if (!evidence) return [];
  const other = evidence.encoding === 'utf-16le' ? 'utf-16be' : 'utf-16le';
  const ranked: Candidate[] = [
    { encoding: evidence.encoding, confidence: evidence.confidence },
    { encoding: other, confidence: 1 - evidence.confidence },
  ];
  return ranked.filter((c) => candidates.includes(c.encoding) && isValidIn(bytes, c.encoding));
}

function byConfidence(a: Candidate, b: Candidate): number {
  return b.confidence - a.confidence;
}

function countNonAscii(bytes: Uint8Array): number {
  let count = 0;
  for (const b of bytes) if (b >= 0x80) count++;
  return count;
}
