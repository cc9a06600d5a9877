import { codePointSet, type CodePointSet } from '../text/code-point-set.js';

/** Cut plain text to at most `length` characters (code points, never half a surrogate pair), adding "…" when cut. */
export function truncateText(text: string, length: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  // A code point is one or two UTF-16 units: beyond 2 × length units the text is surely cut, and only its head is split.
  const head = collapsed.length > 2 * length ? collapsed.slice(0, 2 * length) : collapsed;
  const chars = Array.from(head);
  if (head === collapsed && chars.length <= length) return collapsed;
  return `${chars.slice(0, length).join('').trimEnd()}…`;
}

const CJK = codePointSet(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u);
const WORD_START = codePointSet(/[\p{Script=Latin}\p{N}]/u);
const WORD_PART = codePointSet(/[\p{Script=Latin}\p{N}'’.-]/u);

/** Length the way Chinese newsrooms count it: each CJK character, plus each Latin word or number. */
export function countCharacters(text: string): number {
  // One pass with the sets' tables: this runs over the whole plain text of every article.
  const cjk = CJK.bmpTable();
  const wordStart = WORD_START.bmpTable();
  const wordPart = WORD_PART.bmpTable();
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    if (isIn(CJK, cjk, cp)) count++;
    // A word is a Latin letter or digit and every letter, digit, apostrophe, dot or hyphen after it.
    if (inWord) inWord = isIn(WORD_PART, wordPart, cp);
    else if (isIn(WORD_START, wordStart, cp)) {
      count++;
      inWord = true;
    }
  }
  return count;
}

function isIn(set: CodePointSet, bmp: Uint8Array, codePoint: number): boolean {
  return codePoint <= 0xffff ? bmp[codePoint] === 1 : set.has(codePoint);
}

/** Reading time in whole minutes at about 400 Chinese characters a minute; at least 1. */
export function readingMinutes(charCount: number): number {
  return Math.max(1, Math.ceil(charCount / 400));
}
