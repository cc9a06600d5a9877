import type { Range } from '../edits.js';
import { matchRanges } from './ranges.js';

const rawElements = /<(script|style|pre|code|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const comment = /<!--[\s\S]*?(?:-->|$)/g;
const tag = /<\/?[a-z][^>]*>|<![a-z][^>]*>|<\?[\s\S]*?\?>/gi;
const entity = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;

/** Ranges of an HTML text that are not text nodes: tags, comments, entities, code, pre, script, style. */
export function htmlRanges(text: string): Range[] {
  return [...matchRanges(text, rawElements), ...matchRanges(text, comment), ...matchRanges(text, tag), ...matchRanges(text, entity)];
}
