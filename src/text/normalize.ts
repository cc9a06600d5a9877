import { applyEdits, editsFromMatches, type Edit } from './edits.js';

/** The normalized text and the edits of each normalization step, to map positions back to the input. */
export interface NormalizeResult {
  readonly text: string;
  readonly steps: readonly (readonly Edit[])[];
}

// BOM, zero-width characters and controls except tab and newline; CR is handled as a line break.
const invisible = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]+/g;
const carriageReturn = /\r\n?/g;
const trailing = /[ \t\u3000]+(?=\n|$)/g;
const nonNfc = /[^\n]*[^\u0000-\u02ff\n][^\n]*/g;
const cluster = /\P{M}\p{M}*|\p{M}+/gu;

/** NFC, CRLF/CR to LF, BOM / zero-width / control characters removed, trailing spaces removed. */
export function normalizeText(text: string): string {
  return normalizeWithSteps(text).text;
}

/** `normalizeText` that also returns its edits; never adds or removes a line break. */
export function normalizeWithSteps(text: string): NormalizeResult {
  const steps: Edit[][] = [];
  let current = text;
  const run = (edits: Edit[]): void => {
    if (edits.length === 0) return;
    steps.push(edits);
    current = applyEdits(current, edits);
  };
  run(editsFromMatches(current, invisible, () => ''));
  run(editsFromMatches(current, carriageReturn, () => '\n'));
  run(editsFromMatches(current, trailing, () => ''));
  if (current.normalize('NFC') !== current) run(nfcEdits(current));
  return { text: current, steps };
}

// Composes cluster by cluster so positions stay exact; a line whose clusters interact is one edit.
function nfcEdits(text: string): Edit[] {
  return editsFromMatches(text, nonNfc, (m) => m[0].normalize('NFC')).flatMap((lineEdit) => {
    const line = text.slice(lineEdit.start, lineEdit.end);
    const parts = editsFromMatches(line, cluster, (c) => c[0].normalize('NFC'));
    const byCluster = applyEdits(line, parts);
    if (byCluster !== lineEdit.text) return [lineEdit];
    return parts.map((p) => ({ start: p.start + lineEdit.start, end: p.end + lineEdit.start, text: p.text }));
  });
}
