/** A 1-based line and column. Columns count Unicode code points, as editors show them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** The 1-based line and column of a UTF-16 offset into `text`. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: countCodePoints(text, lineStart, end) + 1 };
}

function countCodePoints(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === start || !isHighSurrogate(text.charCodeAt(i - 1))) count++;
  }
  return count;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
