import type { Range } from '../edits.js';

/** Where the YAML front matter of a Markdown source ends (offset after its closing fence line), or 0. */
export function frontMatterEnd(text: string): number {
  if (!/^---[ \t]*\n/.test(text)) return 0;
  const close = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/g;
  close.lastIndex = 3;
  const m = close.exec(text);
  return m ? m.index + m[0].length : 0;
}

// Indent, list dash and `key:`; a flow collection, anchor, alias or tag value is syntax throughout.
const keyLine = /^([ \t]*(?:-[ \t]+)*(?:"[^"\n]*"|'[^'\n]*'|[^\s:#"'][^:\n]*?):(?=[ \t]|$))([ \t]*[[{&*!][^\n]*)?/;
const dashOnly = /^[ \t]*(?:-[ \t]+)+/;

/** Ranges of front-matter syntax (fences, keys, comments, flow values) that repairs leave alone. */
export function frontMatterRanges(text: string, end: number): Range[] {
  if (end === 0) return [];
  const out: Range[] = [];
  let at = 0;
  while (at < end) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl === -1 || nl > end ? end : nl;
    const line = text.slice(at, lineEnd);
    out.push(...lineSyntax(line, at, at === 0 || lineEnd === end || lineEnd + 1 === end));
    at = lineEnd + 1;
  }
  return out;
}

function lineSyntax(line: string, at: number, isFence: boolean): Range[] {
  if (isFence || /^\s*#/.test(line) || /^(?:---|\.\.\.)\s*$/.test(line)) return [{ start: at, end: at + line.length }];
  const key = keyLine.exec(line);
  if (key) return [{ start: at, end: at + (key[2] === undefined ? (key[1] ?? '').length : line.length) }];
  const dash = dashOnly.exec(line);
  return dash ? [{ start: at, end: at + dash[0].length }] : [];
}
