import type { Range } from '../edits.js';
import type { RuleNote } from '../repair/rule.js';

/** What a check sees: the normalized text and the ranges that are syntax, code or URLs. */
export interface CheckInput {
  readonly text: string;
  readonly protectedRanges: readonly Range[];
}

/** A check returns warnings at offsets of its input text. */
export type Check = (input: CheckInput) => readonly RuleNote[];

/** Up to `radius` characters either side of `[start, end)` on the same line, for a message. */
export function surrounding(text: string, start: number, end: number, radius = 8): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl === -1 ? text.length : nl;
  return Array.from(text.slice(Math.max(lineStart, start - radius), Math.min(lineEnd, end + radius))).join('');
}
