import { codePointSet, countInSet } from '../text/code-point-set.js';

/** Cut plain text to at most `length` characters (code points, never half a surrogate pair), adding "…" when cut. */
export function truncateText(text: string, length: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(collapsed);
  if (chars.length <= length) return collapsed;
  return `${chars.slice(0, length).join('').trimEnd()}…`;
}

const CJK = codePointSet(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u);
const WORD_START = codePointSet(/[\p{Script=Latin}\p{N}]/u);
const WORD_REST = /[\p{Script=Latin}\p{N}'’.-]*/uy;

/** Length the way Chinese newsrooms count it: each CJK character, plus each Latin word or number. */
export function countCharacters(text: string): number {
  return countInSet(text, CJK) + countWords(text);
}

// A regex over the whole text tests every character against two Unicode classes; the table answers for
// the (mostly Han) text in between, and the regex only runs where a word starts.
function countWords(text: string): number {
  const startsWord = WORD_START.bmpTable();
  let words = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if ((unit < 0xd800 || unit > 0xdbff) && startsWord[unit] !== 1) continue;
    const cp = text.codePointAt(i) ?? 0;
    if (!WORD_START.has(cp)) {
      if (cp > 0xffff) i++;
      continue;
    }
    words++;
    WORD_REST.lastIndex = i + (cp > 0xffff ? 2 : 1);
    WORD_REST.exec(text);
    i = WORD_REST.lastIndex - 1;
  }
  return words;
}

/** Reading time in whole minutes at about 400 Chinese characters a minute; at least 1. */
export function readingMinutes(charCount: number): number {
  return Math.max(1, Math.ceil(charCount / 400));
}
