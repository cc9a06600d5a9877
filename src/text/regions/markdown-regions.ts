import type { Range } from '../edits.js';
import { codeBlockRanges, markdownBlocks } from './markdown-blocks.js';
import { frontMatterEnd, frontMatterRanges } from './front-matter.js';
import { htmlRanges } from './html-regions.js';
import { gaps, matchRanges, mergeRanges } from './ranges.js';

// The destination of an inline link, `(url "title")` right after `]`: tried only where `](` stands.
const linkDestination = /\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/y;
const referenceDefinition = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*/gm;
const autolink = /<[a-z][a-z0-9+.-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>/gi;

/** Ranges of a Markdown source that repairs leave alone: front-matter syntax, code, link targets, HTML tags. */
export function markdownRanges(text: string): Range[] {
  const fmEnd = frontMatterEnd(text);
  const code = codeBlockRanges(markdownBlocks(text, fmEnd));
  const blocks = mergeRanges([{ start: 0, end: fmEnd }, ...code]);
  const inline: Range[] = [];
  for (const gap of gaps(blocks, text.length)) {
    const part = text.slice(gap.start, gap.end);
    const found = [
      ...codeSpanRanges(part),
      ...linkDestinationRanges(part),
      ...matchRanges(part, referenceDefinition, ']:'),
      ...matchRanges(part, autolink, '<'),
      ...htmlRanges(part),
    ];
    for (const r of found) inline.push({ start: r.start + gap.start, end: r.end + gap.start });
  }
  return mergeRanges([...code, ...frontMatterRanges(text, fmEnd), ...inline]);
}

/** Ranges of inline link destinations, `(url "title")` after a `]`, left to right without overlap. */
export function linkDestinationRanges(text: string): Range[] {
  const out: Range[] = [];
  // A search for `](` and a sticky match there: a regex starting with a lookbehind tries every position.
  for (let at = text.indexOf(']('); at !== -1; at = text.indexOf('](', at + 1)) {
    const last = out[out.length - 1];
    if (last !== undefined && at + 1 < last.end) continue;
    linkDestination.lastIndex = at + 1;
    const m = linkDestination.exec(text);
    if (m) out.push({ start: at + 1, end: at + 1 + m[0].length });
  }
  return out;
}

/** Ranges of inline code spans: a backtick run closed by a run of the same length within the paragraph. */
export function codeSpanRanges(text: string): Range[] {
  const out: Range[] = [];
  if (!text.includes('`')) return out;
  const runs = /`+/g;
  for (let m = runs.exec(text); m !== null; m = runs.exec(text)) {
    const close = findCloser(text, runs.lastIndex, m[0].length);
    if (close === -1) continue;
    out.push({ start: m.index, end: close });
    runs.lastIndex = close;
  }
  return out;
}

function findCloser(text: string, from: number, length: number): number {
  const runs = /`+|\n[ \t]*\n/g;
  runs.lastIndex = from;
  for (let m = runs.exec(text); m !== null; m = runs.exec(text)) {
    if (m[0][0] === '\n') return -1;
    if (m[0].length === length) return m.index + length;
  }
  return -1;
}
