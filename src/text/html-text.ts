import { htmlRanges } from './regions/html-regions.js';
import { gaps, mergeRanges } from './regions/ranges.js';
import { convertScript, type ChineseScript } from './script.js';

// A character OpenCC has no entry for, so text nodes can be converted in one call and split again.
const separator = '\u0000';
const hasHan = /\p{Script=Han}/u;

/** Convert the script of an HTML document's text nodes only: tags, attributes, entities, code and pre stay as they are. */
export function convertHtmlText(html: string, to: ChineseScript): string {
  if (!hasHan.test(html)) return html;
  const nodes = gaps(mergeRanges(htmlRanges(html)), html.length).filter((g) => hasHan.test(html.slice(g.start, g.end)));
  if (nodes.length === 0) return html;
  const joined = nodes.map((g) => html.slice(g.start, g.end).replaceAll(separator, '')).join(separator);
  const converted = convertScript(joined, to).split(separator);
  if (converted.length !== nodes.length) throw new Error('Internal error: script conversion changed the text node count');
  const parts: string[] = [];
  let at = 0;
  nodes.forEach((g, i) => {
    parts.push(html.slice(at, g.start), converted[i] ?? '');
    at = g.end;
  });
  parts.push(html.slice(at));
  return parts.join('');
}
