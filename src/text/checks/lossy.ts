import { charAt, charBefore, isHan } from '../char-class.js';
import { annotationRemainsAt } from '../lost-character.js';
import { isInside } from '../regions/index.js';
import type { RuleNote } from '../repair/rule.js';
import { surrounding, type CheckInput } from './check.js';

/** A stretch of text that a lossy conversion damaged, with what gave it away. */
export interface LossySpot {
  readonly start: number;
  readonly end: number;
  readonly what: string;
}

const signs = /\ufffd|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\?|`/g;
// The characters a sign starts with: a plain class scans fast, and most articles hold none of them.
const maybeSigns = /[\ufffd\ud800-\udfff?`]/;
// Signs this close together on one line are one damaged spot.
const spotGap = 8;

/** Warnings for signs of a lossy conversion (U+FFFD, `?` before Chinese or pinyin, stray backtick after an ideograph, lone surrogate), one warning per spot (`spots`, when the caller found them already). */
export function lossyCheck(input: CheckInput, spots: readonly LossySpot[] = findLossySpots(input)): RuleNote[] {
  return spots.map((spot) => ({
    offset: spot.start,
    code: 'text/lossy-conversion',
    message: `text looks damaged by a lossy conversion (${spot.what}): "${surrounding(input.text, spot.start, spot.end)}"`,
    note: 'restore the original characters from the source document; this cannot be repaired automatically',
  }));
}

/** The damaged spots of a text; signs close together on one line make one spot. */
export function findLossySpots({ text, protectedRanges }: CheckInput): LossySpot[] {
  const found: LossySpot[] = [];
  if (!maybeSigns.test(text)) return found;
  for (const m of text.matchAll(signs)) {
    const what = classify(text, m.index, m[0]);
    const anywhere = m[0] !== '?' && m[0] !== '`';
    if (what !== null && (anywhere || !isInside(protectedRanges, m.index))) {
      found.push({ start: m.index, end: m.index + 1 + (m[0] === '?' ? annotationRemainsAt(text, m.index + 1) : 0), what });
    }
  }
  return spots(text, found);
}

function classify(text: string, at: number, sign: string): string | null {
  if (sign === '\ufffd') return 'replacement character U+FFFD';
  if (sign === '`') return isHan(charBefore(text, at)) ? 'stray backtick after an ideograph' : null;
  if (sign === '?') {
    if (isHan(charAt(text, at + 1))) return '"?" before a Chinese character';
    return annotationRemainsAt(text, at + 1) > 0 ? '"?" before a pinyin syllable' : null;
  }
  return 'lone surrogate';
}

function spots(text: string, found: readonly LossySpot[]): LossySpot[] {
  const out: LossySpot[] = [];
  for (const sign of found) {
    const last = out[out.length - 1];
    const sameLine = last !== undefined && !text.slice(last.end, sign.start).includes('\n');
    if (last && sameLine && sign.start - last.end <= spotGap) {
      const what = last.what.includes(sign.what) ? last.what : `${last.what}, ${sign.what}`;
      out[out.length - 1] = { start: last.start, end: sign.end, what };
    } else out.push(sign);
  }
  return out;
}
