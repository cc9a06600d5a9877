import type { Range } from '../edits.js';
import { htmlRanges } from './html-regions.js';
import { markdownRanges } from './markdown-regions.js';
import { gaps, mergeRanges } from './ranges.js';
import { urlRanges } from './urls.js';

/** The kinds of source a repair understands. */
export type TextFormat = 'markdown' | 'text' | 'html';

/** Sorted, merged ranges of `text` that no repair may change: syntax, code and URLs of its format. */
export function protectedRanges(text: string, format: TextFormat): Range[] {
  const syntax = format === 'markdown' ? markdownRanges(text) : format === 'html' ? htmlRanges(text) : [];
  const merged = mergeRanges(syntax);
  const urls = gaps(merged, text.length).flatMap((g) =>
    urlRanges(text.slice(g.start, g.end)).map((r) => ({ start: r.start + g.start, end: r.end + g.start })),
  );
  return mergeRanges([...merged, ...urls]);
}

export { gaps, isInside, mergeRanges } from './ranges.js';
