import type * as cheerio from 'cheerio';
import { positionAt } from '../diagnostics/index.js';
import { lazyPackage } from '../lazy-package.js';
import { findLabelledValues, findLegacyDate, type LegacyField } from './legacy-fields.js';
import { htmlBlocks, nodeText, type HtmlNode } from './html-blocks.js';
import { finishLegacyParse, groupSections, type FoundValue, type LegacyParsedSource } from './legacy-source.js';

/** Options of `parseLegacyHtml`. */
export interface LegacyHtmlOptions {
  /** Used in diagnostics. */
  readonly path: string;
  /** Absolute URL that relative image and link addresses are resolved against. */
  readonly baseUrl?: string;
}

type Api = cheerio.CheerioAPI;
// Loaded at the first HTML export: cheerio (with parse5 and undici) costs ~0.14 s CPU in every thread that loads it.
const cheerioModule = lazyPackage<typeof cheerio>('cheerio');
// cheerio's element type, named without importing its DOM library a second time.
type El = NonNullable<ReturnType<typeof firstElement>>;
type Fields = Partial<Record<'title' | LegacyField, FoundValue>>;

const noise = 'script, style, noscript, iframe, nav, form, button, select, input, textarea, link, meta, object, embed';
const containers = ['.TRS_Editor', '.UCAP-CONTENT', '#UCAP-CONTENT', '#zoom', '.article-content', '.post_text', '.entry-content', '.news_txt', '#artibody', '.article_content', '#content .content'];
const titleSelectors = ['h1', '.article-title', '.art-title', '.news_title', '.title', 'h2'];
const dateMeta = ['meta[name="publishdate"]', 'meta[name="PubDate"]', 'meta[property="article:published_time"]', 'meta[name="firstpublishedtime"]'];

/** Parse a saved article page (already decoded) into a Markdown ParsedSource. */
export function parseLegacyHtml(html: string, options: LegacyHtmlOptions): LegacyParsedSource {
  // htmlparser2 (cheerio's `xml: {xmlMode: false}`) parses saved pages several times faster than parse5.
  const $ = cheerioModule().load(html, { xml: { xmlMode: false, decodeEntities: true, withStartIndices: true } });
  const metaDate = dateMeta.map((s) => $(s).attr('content')).find((c) => c !== undefined && findLegacyDate(c) !== undefined);
  const pageTitle = squash($('title').first().text());
  $(noise).remove();
  // WordPress-style pages keep the date and category in a <footer> inside the <article>.
  $('header, footer').filter((_, el) => $(el).closest('article').length === 0).remove();
  const fields: Fields = {};
  const heading = findHeading($, html, pageTitle);
  const title = heading ?? titleFromPageTitle(pageTitle);
  if (title !== undefined) fields.title = { value: title.text, line: title.line };
  const container = findContainer($);
  readMetadata($, fields, title?.text, container);
  if (fields.date === undefined && metaDate !== undefined) fields.date = { value: findLegacyDate(metaDate) ?? '', line: 1 };
  const blocks = container ? htmlBlocks(container as unknown as HtmlNode, withBase(options)) : [];
  if (heading !== undefined && blocks[0]?.kind !== 'heading' && blocks[0]?.markdown === heading.text) blocks.shift();
  return finishLegacyParse({
    path: options.path,
    format: 'legacy-html',
    fields,
    sections: groupSections(blocks),
    bodyLine: container ? lineOf(html, container) : 1,
  });
}

interface Located {
  readonly text: string;
  readonly line: number;
}

/** The article heading: the first heading-like element whose text the `<title>` repeats, else the first `<h1>`. */
function findHeading($: Api, html: string, pageTitle: string): Located | undefined {
  const candidates = titleSelectors.flatMap((s) => $(s).toArray()).map((el) => ({ el, text: squash($(el).text()) }));
  const usable = candidates.filter((c) => c.text !== '' && [...c.text].length <= 120);
  const trimmed = (s: string): string => s.replace(/(\.\.\.|…)+$/, '');
  const best = usable.find((c) => pageTitle.includes(trimmed(c.text))) ?? usable.find((c) => 'name' in c.el && c.el.name === 'h1');
  return best && { text: best.text, line: lineOf(html, best.el) };
}

/** `<title>` without the site name CMSs append after `_`, `--`, ` - ` or `|`. */
function titleFromPageTitle(pageTitle: string): Located | undefined {
  const first = pageTitle.split(/_|--| - |\|/)[0]?.trim();
  return first ? { text: first, line: 1 } : undefined;
}

function findContainer($: Api): El | undefined {
  for (const selector of containers) {
    const found = $(selector).toArray().find((el): el is El => el.type === 'tag' && squash($(el).text()).length > 20);
    if (found) return found;
  }
  return densest($);
}

/** The element holding the most paragraph text, as a parent or grandparent of the `<p>`s. */
function densest($: Api): El | undefined {
  const scores = new Map<El, number>();
  for (const p of $('p').toArray()) {
    const length = squash($(p).text()).length;
    for (const holder of [p.parent, p.parent?.parent]) {
      if (holder && holder.type === 'tag') scores.set(holder, (scores.get(holder) ?? 0) + length);
    }
  }
  let best: El | undefined;
  for (const [el, score] of scores) if (!best || score > (scores.get(best) ?? 0)) best = el;
  return best;
}

/**
 * Labelled values (`来源：`, `责任编辑：`...) and the first date, read from the page text after the
 * heading: the metadata block sits under the heading, the editor credit at the end of the body.
 */
function readMetadata($: Api, fields: Fields, title: string | undefined, container: El | undefined): void {
  const body = $('body').get(0) ?? $.root().get(0);
  const lines = body ? textLines(nodeText(body as unknown as HtmlNode)) : [];
  const start = title === undefined ? -1 : lines.findIndex((l) => l.includes(title.replace(/(\.\.\.|…)+$/, '')));
  const after = start === -1 ? lines : lines.slice(start + 1);
  for (const line of after) {
    for (const { field, value } of findLabelledValues(line)) {
      const token = field === 'date' ? findLegacyDate(value) : value.split(/\s/)[0]?.replace(/[】\])）)]+$/, '');
      if (token && fields[field] === undefined) fields[field] = { value: token, line: 1 };
    }
  }
  if (fields.date === undefined) {
    const dated = after.slice(0, 12).map(findLegacyDate).find((d) => d !== undefined);
    const inBody = container ? findLegacyDate(squash($(container).text())) : undefined;
    const date = dated ?? inBody;
    if (date !== undefined) fields.date = { value: date, line: 1 };
  }
}

function textLines(text: string): string[] {
  return text.split('\n').map(squash).filter((l) => l !== '');
}

/** The 1-based line of an element in the page, from the start index htmlparser2 records. */
function lineOf(html: string, el: unknown): number {
  const start = (el as { startIndex?: number | null }).startIndex;
  return typeof start === 'number' ? positionAt(html, start).line : 1;
}

function withBase(options: LegacyHtmlOptions): { baseUrl?: string } {
  return options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl };
}

function firstElement($: Api) {
  return $('p').get(0);
}

function squash(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}
