import { Parser } from 'htmlparser2';
import type { Position } from '../diagnostics/position.js';
import { positionIndex } from '../text/position-index.js';

/** One URL a page refers to: a link, a stylesheet, a script, an image. */
export interface PageLink {
  readonly url: string;
  readonly tag: string;
  readonly attribute: string;
  /** Where the element starts in the page's HTML. */
  readonly line: number;
  readonly column: number;
  /** Text inside the element (anchors only), whitespace collapsed. */
  readonly text: string;
  readonly inFooter: boolean;
}

/** What the audit needs from one built HTML page. */
export interface ScannedPage {
  /** Path inside dist/, e.g. `2023/12/budget/index.html`. */
  readonly outputPath: string;
  readonly links: readonly PageLink[];
  /** Text of the page's `<footer>` elements (of the whole page when it has none), whitespace collapsed. */
  readonly footerText: string;
}

// Attributes that load or link to another resource; srcset is split separately.
const urlAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href'], area: ['href'], link: ['href'], img: ['src', 'srcset'], script: ['src'], iframe: ['src'],
  source: ['src', 'srcset'], audio: ['src'], video: ['src', 'poster'], track: ['src'], embed: ['src'], object: ['data'],
};
// Hints to the browser, not resources a reader gets.
const ignoredRel = /\b(preconnect|dns-prefetch)\b/i;

interface OpenAnchor {
  readonly index: number;
  text: string;
}

/** Parse one page with a streaming HTML parser and collect its links and footer text. */
export function scanPage(outputPath: string, html: string): ScannedPage {
  const at = positionIndex(html);
  const links: (Omit<PageLink, 'text'> & { text: string })[] = [];
  let footerDepth = 0;
  let sawFooter = false;
  let footerText = '';
  let allText = '';
  let anchor: OpenAnchor | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'footer') {
          footerDepth++;
          sawFooter = true;
        }
        const found = linksOf(name, attributes, at(parser.startIndex), footerDepth > 0);
        if (name === 'a' && found.length > 0) anchor = { index: links.length, text: '' };
        links.push(...found);
      },
      ontext(text) {
        allText += text;
        if (footerDepth > 0) footerText += text;
        if (anchor) anchor.text += text;
      },
      onclosetag(name) {
        if (name === 'footer' && footerDepth > 0) footerDepth--;
        if (name === 'a' && anchor) {
          const link = links[anchor.index];
          if (link) link.text = collapse(anchor.text);
          anchor = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { outputPath, links, footerText: collapse(sawFooter ? footerText : allText) };
}

function linksOf(tag: string, attributes: Record<string, string>, where: Position, inFooter: boolean): (Omit<PageLink, 'text'> & { text: string })[] {
  const names = urlAttributes[tag];
  if (!names) return [];
  if (tag === 'link' && ignoredRel.test(attributes.rel ?? '')) return [];
  return names.flatMap((attribute) => {
    const value = attributes[attribute];
    if (value === undefined || value.trim() === '') return [];
    const urls = attribute === 'srcset' ? srcsetUrls(value) : [value.trim()];
    return urls.map((url) => ({ url, tag, attribute, ...where, text: '', inFooter }));
  });
}

/** The URLs of a srcset: `a.jpg 1x, b.jpg 2x` -> `a.jpg`, `b.jpg`. */
function srcsetUrls(srcset: string): string[] {
  return srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter((u) => u !== '');
}

/** Collapse runs of whitespace (HTML treats them as one space) and trim. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
