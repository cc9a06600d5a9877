/** One replacement of `[start, end)` of a text by `text`; offsets are UTF-16 indices. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A half-open `[start, end)` range of UTF-16 offsets. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Apply sorted, non-overlapping edits to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    if (e.start < at) throw new Error('Internal error: overlapping or unsorted edits');
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Edits replacing each match of a global `pattern` by `replace(match)`; null keeps the match. */
export function editsFromMatches(
  text: string,
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string | null,
  from = 0,
  to = text.length,
): Edit[] {
  const edits: Edit[] = [];
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m !== null && m.index < to; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const after = replace(m);
    if (after !== null && after !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, text: after });
  }
  return edits;
}

/** Map an offset in the text after `edits` back to the text before them (inside a replacement: its start). */
export function mapBack(edits: readonly Edit[], offset: number): number {
  let delta = 0;
  for (const e of edits) {
    const outStart = e.start + delta;
    if (offset < outStart) break;
    const outEnd = outStart + e.text.length;
    if (offset < outEnd) return e.start;
    delta += e.text.length - (e.end - e.start);
  }
  return offset - delta;
}

/** Map an offset through the edit lists of several steps, last step first, to the original text. */
export function mapBackThrough(steps: readonly (readonly Edit[])[], offset: number): number {
  let at = offset;
  for (let i = steps.length - 1; i >= 0; i--) at = mapBack(steps[i] ?? [], at);
  return at;
}

/** Shift ranges that no edit touches to their place in the text after `edits`. */
export function mapRangesForward(ranges: readonly Range[], edits: readonly Edit[]): Range[] {
  if (edits.length === 0) return [...ranges];
  const shift = (offset: number): number => {
    let delta = 0;
    for (const e of edits) {
      if (e.start >= offset) break;
      delta += e.text.length - (e.end - e.start);
    }
    return offset + delta;
  };
  return ranges.map((r) => ({ start: shift(r.start), end: shift(r.end) }));
}
