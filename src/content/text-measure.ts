/** Cut plain text to at most `length` characters (code points, never half a surrogate pair), adding "…" when cut. */
export function truncateText(text: string, length: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(collapsed);
  if (chars.length <= length) return collapsed;
  return `${chars.slice(0, length).join('').trimEnd()}…`;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}'’.-]*/gu;

/** Length the way Chinese newsrooms count it: each CJK character, plus each Latin word or number. */
export function countCharacters(text: string): number {
  return (text.match(CJK)?.length ?? 0) + (text.match(WORD)?.length ?? 0);
}

/** Reading time in whole minutes at about 400 Chinese characters a minute; at least 1. */
export function readingMinutes(charCount: number): number {
  return Math.max(1, Math.ceil(charCount / 400));
}
