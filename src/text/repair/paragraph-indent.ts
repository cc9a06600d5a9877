import { charAt, isCjk } from '../char-class.js';
import type { Edit } from '../edits.js';
import { frontMatterEnd } from '../regions/front-matter.js';
import { markdownBlocks } from '../regions/markdown-blocks.js';
import { isInside } from '../regions/index.js';
import type { RuleInput, RuleResult } from './rule.js';

const textIndent = /^[ \u3000]+/gm;
const htmlIndent = /(?:^|<(?:p|br|div|li|td|th|h[1-6])\b[^>]*>)([ \u3000]+)/gim;

/** Drop spaces and ideographic spaces that indent a paragraph of Chinese text (the theme indents by CSS). */
export function paragraphIndent(input: RuleInput): RuleResult {
  const { text, protectedRanges, format } = input;
  // Classifying Markdown lines costs a pass over the text: only done once an indent is found.
  let starts: Set<number> | undefined;
  const pattern = format === 'html' ? htmlIndent : textIndent;
  const edits: Edit[] = [];
  for (const m of text.matchAll(pattern)) {
    const indent = m[1] ?? m[0];
    const start = m.index + m[0].length - indent.length;
    const end = start + indent.length;
    if (!isCjk(charAt(text, end)) || isInside(protectedRanges, start)) continue;
    if (format === 'markdown' && !(starts ??= markdownParagraphLines(text)).has(start)) continue;
    edits.push({ start, end, text: '' });
  }
  return { edits, notes: [] };
}

// Lines of Markdown paragraphs only: an indent in code, lists or quotes is syntax.
function markdownParagraphLines(text: string): Set<number> {
  const blocks = markdownBlocks(text, frontMatterEnd(text));
  return new Set(blocks.filter((b) => b.kind === 'paragraph').map((b) => b.start));
}
