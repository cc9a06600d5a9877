import type { Range } from '../edits.js';

/** What a Markdown line is, as far as repairs care. */
export type BlockKind = 'blank' | 'fence' | 'code' | 'list' | 'quote' | 'html' | 'paragraph' | 'continuation';

/** One body line of a Markdown source with its block kind. */
export interface BlockLine {
  readonly start: number;
  readonly end: number;
  readonly kind: BlockKind;
  /** True for the first line of a paragraph (after a blank line or at the body start). */
  readonly startsParagraph: boolean;
}

const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
const listItem = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const indentedCode = /^(?: {4}|\t)/;

/** Classify the body lines of a Markdown source, from `from` (the end of the front matter). */
export function markdownBlocks(text: string, from: number): BlockLine[] {
  const out: BlockLine[] = [];
  let fence = '';
  let prev: BlockKind = 'blank';
  let inList = false;
  for (let at = from; at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(at, end);
    const kind = classify(line, prev, fence, inList);
    if (kind === 'fence') fence = fence === '' ? (fenceOpen.exec(line)?.[1] ?? '') : closes(line, fence) ? '' : fence;
    if (kind === 'list') inList = true;
    else if (kind === 'paragraph' && !/^[ \t]/.test(line)) inList = false;
    out.push({ start: at, end, kind, startsParagraph: kind === 'paragraph' && prev === 'blank' });
    prev = kind === 'fence' && fence !== '' ? 'code' : kind;
    at = end + 1;
    if (nl === -1) break;
  }
  return out;
}

function classify(line: string, prev: BlockKind, fence: string, inList: boolean): BlockKind {
  if (fence !== '') return closes(line, fence) ? 'fence' : 'code';
  if (/^[ \t]*$/.test(line)) return 'blank';
  if (fenceOpen.test(line)) return 'fence';
  if (indentedCode.test(line) && (prev === 'blank' || prev === 'code') && !inList) return 'code';
  if (listItem.test(line)) return 'list';
  if (/^ {0,3}>/.test(line)) return 'quote';
  if (/^ {0,3}<[a-z/!]/i.test(line)) return 'html';
  if (inList && (prev === 'list' || prev === 'continuation' || /^[ \t]/.test(line))) return 'continuation';
  return 'paragraph';
}

function closes(line: string, fence: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return m !== null && (m[1] ?? '')[0] === fence[0] && (m[1] ?? '').length >= fence.length;
}

/** Ranges of fenced and indented code blocks. */
export function codeBlockRanges(blocks: readonly BlockLine[]): Range[] {
  return blocks.filter((b) => b.kind === 'fence' || b.kind === 'code').map((b) => ({ start: b.start, end: b.end }));
}
