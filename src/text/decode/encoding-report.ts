import type { DecidedBy, DecodedSource } from '../types.js';
import { formatConfidence } from './decode-errors.js';

const decidedByLabel: Readonly<Record<DecidedBy, string>> = {
  bom: 'BOM',
  declared: 'declared',
  utf8: 'valid UTF-8',
  detected: 'detected',
};

/** How many files were read in each encoding, and which were detected rather than declared. */
export interface EncodingTally {
  readonly byEncoding: Record<string, number>;
  readonly detected: string[];
}

/** One line per file: path, encoding, how it was decided, confidence; columns aligned. */
export function formatEncodingReport(results: readonly DecodedSource[]): string {
  const width = Math.max(0, ...results.map((r) => r.path.length));
  const encWidth = Math.max(0, ...results.map((r) => r.encoding.length));
  return results
    .map((r) => `${r.path.padEnd(width)}  ${r.encoding.padEnd(encWidth)}  ${decidedByLabel[r.decidedBy].padEnd(11)}  ${formatConfidence(r.confidence)}`)
    .join('\n');
}

/** Count files per encoding (sorted by name) and list the detected ones (sorted), for the build summary. */
export function encodingTally(results: readonly DecodedSource[]): EncodingTally {
  const byEncoding: Record<string, number> = {};
  for (const r of [...results].sort((a, b) => (a.encoding < b.encoding ? -1 : a.encoding > b.encoding ? 1 : 0))) {
    byEncoding[r.encoding] = (byEncoding[r.encoding] ?? 0) + 1;
  }
  const detected = results.filter((r) => r.decidedBy === 'detected').map((r) => r.path).sort();
  return { byEncoding, detected };
}
