/** Han ideographs (CJK Unified, extensions, compatibility), as a character-class fragment. */
export const HAN = '\\p{Script=Han}';

/** Full-width and CJK punctuation that marks Chinese context (，。、；：？！“”‘’（）《》【】…). */
export const CJK_PUNCT = '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018\\u2019\\u201c\\u201d\\u2026\\u2014';

const hanTest = /^\p{Script=Han}$/u;
const cjkTest = new RegExp(`^[${HAN}${CJK_PUNCT}]$`, 'u');

/** The code point (as a string) ending just before `offset`, or '' at the start. */
export function charBefore(text: string, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(offset - 2, offset);
  }
  return text.charAt(offset - 1);
}

/** The code point (as a string) starting at `offset`, or '' at the end. */
export function charAt(text: string, offset: number): string {
  const cp = text.codePointAt(offset);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** True for one Han ideograph. */
export function isHan(char: string): boolean {
  return char !== '' && hanTest.test(char);
}

/** True for a Han ideograph or a full-width / CJK punctuation mark. */
export function isCjk(char: string): boolean {
  return char !== '' && cjkTest.test(char);
}

/** True for an ASCII digit. */
export function isDigit(char: string): boolean {
  return char.length === 1 && char >= '0' && char <= '9';
}
