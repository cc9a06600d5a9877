import type { Range } from '../edits.js';
import { matchRanges } from './ranges.js';

const rawElements = /<(script|style|pre|code|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
// translate="no" (HTML's own "leave this text as it is"): the registered names and filing numbers of the
// site footer stay exactly as filed in the script mirror. The element must not nest its own tag.
const untranslated = /<([a-z][a-z0-9]*)\b[^>]*\btranslate=["']?no["']?[^>]*>[\s\S]*?<\/\1\s*>/gi;
const comment = /<!--[\s\S]*?(?:-->|$)/g;
const tag = /<\/?[a-z][^>]*>|<![a-z][^>]*>|<\?[\s\S]*?\?>/gi;
const entity = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;

/** Ranges of an HTML text that are not text nodes to change: tags, comments, entities, code, pre, script, style, translate="no". */
export function htmlRanges(text: string): Range[] {
  return [
    ...matchRanges(text, rawElements, '<'),
    ...matchRanges(text, untranslated, '<'),
    ...matchRanges(text, comment, '<!--'),
    ...matchRanges(text, tag, '<'),
    ...matchRanges(text, entity, '&'),
  ];
}
