import type { Position } from '../diagnostics/position.js';

/** Turns UTF-16 offsets of one text into 1-based line and code-point column, fast for many lookups. */
export function positionIndex(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    const at = Math.min(Math.max(offset, 0), text.length);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    const start = lineStarts[lo] ?? 0;
    let column = 1;
    for (let i = start; i < at; i++) {
      const c = text.charCodeAt(i);
      if (!(c >= 0xdc00 && c <= 0xdfff && i > start && isHigh(text.charCodeAt(i - 1)))) column++;
    }
    return { line: lo + 1, column };
  };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
