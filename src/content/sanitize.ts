import type sanitizeHtml from 'sanitize-html';
import { lazyPackage } from '../lazy-package.js';

// Loaded at the first body to clean: sanitize-html (with htmlparser2 and postcss) costs ~50 ms CPU in every
// thread that loads it, and only sites that allow raw HTML in Markdown use it.
const sanitizeModule = lazyPackage<typeof sanitizeHtml>('sanitize-html');

// What an article body may contain: the tags Markdown itself produces plus the few a newsroom
// writes by hand (tables with spans, figures, ruby for pinyin). Nothing that runs, embeds or styles.
const allowedTags = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'div', 'span',
  'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'figure', 'figcaption', 'ruby', 'rt', 'rp',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];

// Images may be inline data, but only raster formats a browser cannot run script from.
const dataImage = /^data:image\/(?:png|gif|jpeg|webp);/i;

const options: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    h2: ['id'],
    h3: ['id'],
    code: ['class'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    col: ['span'],
    abbr: ['title'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    img: (tagName, attribs) => {
      const src = attribs.src ?? '';
      if (!src.toLowerCase().startsWith('data:') || dataImage.test(src)) return { tagName, attribs };
      const { src: _dropped, ...rest } = attribs;
      return { tagName, attribs: rest };
    },
  },
};

/**
 * Clean the HTML of an article body when the site allows raw HTML in Markdown: only an allow-list
 * of tags and attributes survives, and links keep only web, mail and phone schemes.
 */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeModule()(html, options);
}
