import { charAt, charBefore, isCjk, isDigit } from '../char-class.js';
import type { Edit } from '../edits.js';
import { isLostCharacterMark } from '../lost-character.js';
import { isInside } from '../regions/index.js';
import type { RuleInput, RuleResult } from './rule.js';

const fullWidth: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const candidates = /[,:;?!()]/g;
// Both forms, so that converting a mark never changes what its neighbours see.
const transparent = /^[,:;?!()，：；？！（）]$/;

/** ASCII `, : ; ? ! ( )` in Chinese context become `，：；？！（）`; numbers, Latin text, code and URLs are left alone. */
export function cjkPunctuation(input: RuleInput): RuleResult {
  const { text, protectedRanges, format } = input;
  const pairs = pairParentheses(text, protectedRanges);
  const edits: Edit[] = [];
  for (const m of text.matchAll(candidates)) {
    const at = m.index;
    if (isInside(protectedRanges, at)) continue;
    const mark = m[0];
    const convert = mark === '(' || mark === ')' ? convertParen(text, at, pairs) : convertMark(text, at, mark, format);
    if (convert) edits.push({ start: at, end: at + 1 + spacesToDrop(text, at, mark), text: fullWidth[mark] ?? mark });
  }
  return { edits, notes: [] };
}

function convertMark(text: string, at: number, mark: string, format: string): boolean {
  const prev = charBefore(text, at);
  const next = charAt(text, at + 1);
  if (isDigit(prev) && isDigit(next)) return false;
  // `?` right before a Han character or an annotation marks a lost character (the lossy check reports it).
  if (mark === '?' && isLostCharacterMark(text, at)) return false;
  if (mark === '!' && next === '[' && format === 'markdown') return false;
  return isChineseContext(text, at, 1);
}

function convertParen(text: string, at: number, pairs: ReadonlyMap<number, number>): boolean {
  const other = pairs.get(at);
  if (other === undefined) return isChineseContext(text, at, 1);
  const open = Math.min(at, other);
  const close = Math.max(at, other);
  if (/\p{Script=Han}/u.test(text.slice(open + 1, close))) return true;
  // `f(x)`: parentheses glued to a Latin word belong to it.
  if (/[A-Za-z0-9_]/.test(charBefore(text, open))) return false;
  return isCjk(outside(text, open, -1)) || isCjk(outside(text, close + 1, 1));
}

// Punctuation in a row shares one context: the nearest other character on each side.
function isChineseContext(text: string, at: number, width: number): boolean {
  return isCjk(outside(text, at, -1)) || isCjk(outside(text, at + width, 1));
}

function outside(text: string, from: number, step: 1 | -1): string {
  let at = from;
  for (;;) {
    const char = step === 1 ? charAt(text, at) : charBefore(text, at);
    if (!transparent.test(char)) return char;
    at += step;
  }
}

function spacesToDrop(text: string, at: number, mark: string): number {
  if (mark === '(' ) return 0;
  let end = at + 1;
  while (text[end] === ' ') end++;
  // Only before a Han character: dropping a space before a mark would change what that mark sees.
  return end > at + 1 && /\p{Script=Han}/u.test(charAt(text, end)) ? end - at - 1 : 0;
}

/** Matching `(` and `)` on the same line outside protected ranges, both ways. */
function pairParentheses(text: string, protectedRanges: RuleInput['protectedRanges']): Map<number, number> {
  const pairs = new Map<number, number>();
  let stack: number[] = [];
  for (const m of text.matchAll(/[()\n]/g)) {
    if (m[0] === '\n') stack = [];
    else if (isInside(protectedRanges, m.index)) continue;
    else if (m[0] === '(') stack.push(m.index);
    else {
      const open = stack.pop();
      if (open !== undefined) {
        pairs.set(open, m.index);
        pairs.set(m.index, open);
      }
    }
  }
  return pairs;
}
