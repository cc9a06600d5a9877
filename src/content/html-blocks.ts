import { labelledLine } from './legacy-fields.js';
import type { LegacyBlock } from './legacy-source.js';
import { escapeBlockStart, escapeMarkdownLabel, markdownDestination } from './markdown-escape.js';

/** The part of a parsed HTML node the block converter reads (the shape htmlparser2/cheerio produce). */
export interface HtmlNode {
  readonly type: string;
  readonly name?: string;
  readonly data?: string;
  readonly attribs?: Readonly<Record<string, string>>;
  readonly children?: readonly HtmlNode[];
}

/** Options of `htmlBlocks`. */
export interface HtmlBlockOptions {
  /** Absolute URL that relative `src` and `href` are resolved against. */
  readonly baseUrl?: string;
}

const blockNames = new Set([
  'p', 'div', 'section', 'article', 'li', 'ul', 'ol', 'blockquote', 'table', 'tbody', 'tr', 'td', 'th',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'figure', 'figcaption', 'dl', 'dd', 'dt', 'pre', 'hr',
]);
const headingNames = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
const closingPunctuation = /[。！？；：，、,.!?;:…”」』）)]$/;
// A line of page-number links (`[【1】](…)[【2】](…)[下一页](…)`) is the pager of a split article.
const pager = /^(\s*\[(【?\d+】?|下一页|上一页|首页|尾页|[«»]|\\<\\<|\\>\\>)\]\([^)]*\))+\s*$/;
const furniture = /^([?？]+|【?(打印本页|打印本頁|关闭窗口|關閉窗口|打印|关闭|關閉|返回顶部|返回頂部|收藏)】?|分享到.*|【字体.*|【字體.*|字号.*)$/;

/** The article container as Markdown blocks: paragraphs, `##` subheadings, images, links. */
export function htmlBlocks(container: HtmlNode, options: HtmlBlockOptions = {}): LegacyBlock[] {
  const blocks: LegacyBlock[] = [];
  collect(container, blocks, options);
  return blocks;
}

/** Visible text of a node, whitespace collapsed. */
export function nodeText(node: HtmlNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.type !== 'tag' || !node.children) return '';
  const inner = node.children.map(nodeText).join('');
  return node.name === 'br' || blockNames.has(node.name ?? '') ? `\n${inner}\n` : inner;
}

function collect(node: HtmlNode, blocks: LegacyBlock[], options: HtmlBlockOptions): void {
  let run: HtmlNode[] = [];
  const flush = (): void => {
    pushParagraphs(run, blocks, options);
    run = [];
  };
  for (const child of node.children ?? []) {
    if (child.type === 'tag' && headingNames.has(child.name ?? '')) {
      flush();
      pushHeading(squash(nodeText(child)), blocks);
    } else if (child.type === 'tag' && blockNames.has(child.name ?? '')) {
      flush();
      if (isStrongOnly(child)) pushHeadingOrParagraph(child, blocks, options);
      else if (!isLinkList(child)) collect(child, blocks, options);
    } else {
      run.push(child);
    }
  }
  flush();
}

/** Inline nodes to paragraphs; `<br>` separates paragraphs, as old CMSs use it. */
function pushParagraphs(run: readonly HtmlNode[], blocks: LegacyBlock[], options: HtmlBlockOptions): void {
  const lines = run.map((n) => inline(n, options)).join('').split('\n');
  for (const line of lines) {
    const markdown = squash(line);
    if (markdown === '' || furniture.test(markdown) || pager.test(markdown) || isMetadataLine(markdown)) continue;
    blocks.push({ kind: 'paragraph', markdown: escapeBlockStart(markdown) });
  }
}

function pushHeading(text: string, blocks: LegacyBlock[]): void {
  if (text !== '') blocks.push({ kind: 'heading', text });
}

function pushHeadingOrParagraph(node: HtmlNode, blocks: LegacyBlock[], options: HtmlBlockOptions): void {
  const text = squash(nodeText(node));
  if ([...text].length <= 40 && !closingPunctuation.test(text) && !/[。！？]/.test(text)) pushHeading(text, blocks);
  else pushParagraphs(node.children ?? [], blocks, options);
}

function inline(node: HtmlNode, options: HtmlBlockOptions): string {
  if (node.type === 'text') return escapeMarkdownLabel((node.data ?? '').replace(/\n/g, ' '));
  if (node.type !== 'tag') return '';
  if (node.name === 'br') return '\n';
  if (node.name === 'img') return image(node, options);
  const inner = (node.children ?? []).map((c) => inline(c, options)).join('');
  if (node.name !== 'a') return inner;
  const href = resolve(node.attribs?.['href'], options);
  return href === undefined || inner.trim() === '' ? inner : `[${inner.trim()}](${markdownDestination(href)})`;
}

function image(node: HtmlNode, options: HtmlBlockOptions): string {
  const src = resolve(node.attribs?.['src'] ?? node.attribs?.['data-src'], options);
  if (src === undefined) return '';
  return `\n![${escapeMarkdownLabel(squash(node.attribs?.['alt'] ?? ''))}](${markdownDestination(src)})\n`;
}

function resolve(url: string | undefined, options: HtmlBlockOptions): string | undefined {
  const trimmed = url?.trim();
  if (!trimmed || trimmed.startsWith('#') || /^(javascript|data|mailto):/i.test(trimmed)) return undefined;
  if (options.baseUrl === undefined) return trimmed;
  try {
    return new URL(trimmed, options.baseUrl).href;
  } catch {
    return trimmed;
  }
}

/** A paragraph whose text is all inside `<strong>`/`<b>`: a subheading when it is short. */
function isStrongOnly(node: HtmlNode): boolean {
  if (node.name !== 'p' && node.name !== 'div') return false;
  const kids = (node.children ?? []).filter((c) => !(c.type === 'text' && squash(c.data ?? '') === ''));
  return kids.length === 1 && kids[0]?.type === 'tag' && (kids[0].name === 'strong' || kids[0].name === 'b') &&
    !containsTag(kids[0], 'img');
}

/** Related-article lists and share bars: blocks whose text is almost all links. */
function isLinkList(node: HtmlNode): boolean {
  const text = squash(nodeText(node)).length;
  return text > 0 && linkTextLength(node) / text > 0.6 && (node.name === 'ul' || node.name === 'ol' || text > 40 || /share|related|xg-list/i.test(node.attribs?.['class'] ?? ''));
}

function linkTextLength(node: HtmlNode): number {
  if (node.type === 'tag' && node.name === 'a') return squash(nodeText(node)).length;
  return (node.children ?? []).reduce((sum, c) => sum + linkTextLength(c), 0);
}

function containsTag(node: HtmlNode, name: string): boolean {
  return node.name === name || (node.children ?? []).some((c) => containsTag(c, name));
}

/** A short `来源：... 责任编辑：...` credit line inside the body belongs to the metadata, not the text. */
function isMetadataLine(markdown: string): boolean {
  const text = markdown.replace(/^(\[?!\[[^\]]*\]\([^)]*\)(\]\([^)]*\))?\s*)+/, '');
  return text.length <= 60 && labelledLine(text.replace(/^[（(【\\[]?\s*(本文)?/, '')).length > 0;
}

function squash(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}
