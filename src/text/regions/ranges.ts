import type { Range } from '../edits.js';

/** Sort and merge overlapping or touching ranges. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else out.push(r);
  }
  return out;
}

/**
 * Ranges of every match of a global `pattern` in `text`. `sign`, when given, is a string every match contains:
 * without it in `text` the pattern (a costly scan of every character) cannot match and does not run.
 */
export function matchRanges(text: string, pattern: RegExp, sign?: string): Range[] {
  const out: Range[] = [];
  if (sign !== undefined && !text.includes(sign)) return out;
  for (const m of text.matchAll(pattern)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The parts of `[0, length)` not covered by the sorted, merged `protectedRanges`. */
export function gaps(protectedRanges: readonly Range[], length: number): Range[] {
  const out: Range[] = [];
  let at = 0;
  for (const r of protectedRanges) {
    if (r.start > at) out.push({ start: at, end: r.start });
    at = Math.max(at, r.end);
  }
  if (at < length) out.push({ start: at, end: length });
  return out;
}

/** True when `offset` lies inside one of the sorted ranges. */
export function isInside(ranges: readonly Range[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (!r) break;
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return true;
  }
  return false;
}
