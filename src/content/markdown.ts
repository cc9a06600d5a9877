import { createRequire } from 'node:module';
import type MarkdownItModule from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import cjkBreaks from 'markdown-it-cjk-breaks';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { sanitizeArticleHtml } from './sanitize.js';
import type { ArticleSection } from './types.js';

/** Markdown settings from the site config. */
export interface MarkdownOptions {
  /** Raw HTML in Markdown; off unless the site turns it on. */
  readonly html: boolean;
}

/** What the body of an article yields besides its HTML. */
export interface RenderedMarkdown {
  readonly html: string;
  readonly sections: readonly ArticleSection[];
  /** Plain text of the first paragraph. */
  readonly firstParagraph: string;
  /** All plain text, for counting characters. */
  readonly plainText: string;
}

// The package's one-file CommonJS build: its ES modules are 53 files that took 47 ms to load here,
// in every build that renders Markdown and in every source thread; this takes 20.
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as typeof MarkdownItModule;
type MarkdownIt = MarkdownItModule;

const instances = new Map<boolean, MarkdownIt>();

/** One markdown-it per setting, made once: CJK-correct emphasis and soft breaks. */
function markdownIt(options: MarkdownOptions): MarkdownIt {
  let md = instances.get(options.html);
  if (!md) {
    md = new MarkdownIt({ html: options.html, linkify: false, typographer: false });
    md.use(cjkFriendly).use(cjkBreaks);
    instances.set(options.html, md);
  }
  return md;
}

/** Render an article body, collecting its `##` sections and first paragraph on the way. */
export function renderMarkdown(body: string, options: MarkdownOptions): RenderedMarkdown {
  const md = markdownIt(options);
  const tokens = md.parse(body, {});
  const sections = addSectionIds(tokens);
  const { firstParagraph, plainText } = collectText(tokens);
  const html = md.renderer.render(tokens, md.options, {});
  // Markdown's own output is safe; raw HTML an editor typed is not, so it goes through the allow-list.
  return { html: options.html ? sanitizeArticleHtml(html) : html, sections, firstParagraph, plainText };
}

function addSectionIds(tokens: Token[]): ArticleSection[] {
  const sections: ArticleSection[] = [];
  const used = new Set<string>();
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open' || token.tag !== 'h2') return;
    const heading = inlineText(tokens[i + 1]);
    let id = headingId(heading, sections.length + 1);
    for (let n = 2; used.has(id); n++) id = `${headingId(heading, sections.length + 1)}-${n}`;
    used.add(id);
    token.attrSet('id', id);
    sections.push({ heading, id });
  });
  return sections;
}

function headingId(heading: string, index: number): string {
  const id = heading
    .normalize('NFC')
    .replace(/[\s\u3000]+/g, '-')
    .replace(/[^\p{L}\p{N}-]/gu, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return id === '' ? `section-${index}` : id;
}

function collectText(tokens: readonly Token[]): { firstParagraph: string; plainText: string } {
  let firstParagraph: string | undefined;
  const parts: string[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'inline') return;
    const text = inlineText(token);
    parts.push(text);
    if (firstParagraph === undefined && tokens[i - 1]?.type === 'paragraph_open' && text.trim() !== '') {
      firstParagraph = text.trim();
    }
  });
  return { firstParagraph: firstParagraph ?? '', plainText: parts.join('\n') };
}

function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  return token.children
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? ' ' : ''))
    .join('');
}
