import { charAt, isHan } from './char-class.js';

/** Letters of a pinyin syllable, tone-marked or not. */
export const PINYIN_LETTERS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹ';

// What a byte-level pinyin insertion leaves after a lost character: `(qū)` or, when a byte went, `qū)`.
const annotationRemains = new RegExp(`^[(（]?[${PINYIN_LETTERS}]{1,6}[)）]`, 'u');

/** Length of the pinyin annotation (or its remains) starting at `offset`, or 0. */
export function annotationRemainsAt(text: string, offset: number): number {
  return annotationRemains.exec(text.slice(offset, offset + 10))?.[0].length ?? 0;
}

/** True when the `?` or U+FFFD at `offset` stands for a lost character: a Han character or pinyin follows it. */
export function isLostCharacterMark(text: string, offset: number): boolean {
  const mark = text[offset];
  if (mark !== '?' && mark !== '\ufffd') return false;
  return isHan(charAt(text, offset + 1)) || annotationRemainsAt(text, offset + 1) > 0;
}
