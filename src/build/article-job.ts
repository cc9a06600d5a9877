import type { Article } from '../content/types.js';
import type { SiteView } from '../render/site-view.js';
import { bodyRefOf, readBody, textRefOf, type BodyRef } from './body-store.js';
import { readRecordBody, recordRefOf, type RecordRef } from './restored-body.js';

/** One article page for a render worker: its template context without the site view, and the bodies left where they are. */
export interface ArticleJob {
  readonly url: string;
  readonly origin: string;
  /** The context `articlePageContext` made, less `site`; `article`, `previous` and `next` carry an empty `html`. */
  readonly context: Readonly<Record<string, unknown>>;
  /** Each of those articles' body: where it lies in the body store or, restored, in the pack store; or the HTML itself. */
  readonly bodies: Readonly<Record<string, BodyRef | RecordRef | string>>;
  /** Each of those articles' plain text, likewise (the search index's field: no template needs it, none pays for it). */
  readonly texts: Readonly<Record<string, BodyRef | RecordRef | string>>;
  /** Whether the page, and its other-script copy, claimed their output paths (a colliding page is rendered but not written). */
  readonly writePage: boolean;
  readonly writeCopy: boolean;
}

// The context keys that hold whole articles, whose bodies stay out of the message.
const articleKeys = ['article', 'previous', 'next'] as const;

/** The job for one article page's context; no body is read on this thread. */
export function articleJob(url: string, origin: string, context: Readonly<Record<string, unknown>>, writes: { page: boolean; copy: boolean }): ArticleJob {
  const rest: Record<string, unknown> = { ...context };
  delete rest['site'];
  const bodies: Record<string, BodyRef | RecordRef | string> = {};
  const texts: Record<string, BodyRef | RecordRef | string> = {};
  for (const key of articleKeys) {
    const article = rest[key] as Article | undefined;
    if (article === undefined) continue;
    // A restored article's body is read where the page is rendered (a render thread), not here.
    bodies[key] = bodyRefOf(article) ?? recordRefOf(article, 'html') ?? article.html;
    texts[key] = textRefOf(article) ?? recordRefOf(article, 'text') ?? article.text;
    rest[key] = sharedCopy(article);
  }
  return { url, origin, context: rest, bodies, texts, writePage: writes.page, writeCopy: writes.copy };
}

/**
 * The template context of a job, as `articlePageContext` made it: the site view back in, bodies read when a template asks.
 * With `bodySlot`, the page's own article shows that placeholder as its `html` when its body is in the store (see `bodySlotRef`).
 */
export function jobContext(job: ArticleJob, site: SiteView, bodySlot?: string): Record<string, unknown> {
  const { page, ...data } = job.context;
  const context: Record<string, unknown> = { ...data, site, page };
  for (const [key, body] of Object.entries(job.bodies)) {
    const article = context[key] as Record<string, unknown>;
    // Same key, same place: a template that prints the whole article sees the same object.
    define(article, 'html', typeof body === 'string' ? body : key === 'article' && bodySlot !== undefined && !isRecordRef(body) ? bodySlot : () => readAny(body));
    const text = job.texts[key];
    if (text !== undefined) define(article, 'text', typeof text === 'string' ? text : () => readAny(text));
  }
  return context;
}

/** Where the body `jobContext` left in the store for `bodySlot` lies; undefined when the job carries the body itself, or a restored article's record (decoded, not spliced). */
export function bodySlotRef(job: ArticleJob): BodyRef | undefined {
  const body = job.bodies['article'];
  return typeof body === 'object' && !isRecordRef(body) ? body : undefined;
}

function isRecordRef(ref: BodyRef | RecordRef): ref is RecordRef {
  return 'key' in ref;
}

function readAny(ref: BodyRef | RecordRef): string {
  return isRecordRef(ref) ? readRecordBody(ref) : readBody(ref);
}

// Configurable: jobs of one message share their copies (`sharedCopy`), so the next job redefines what this one set.
function define(article: Record<string, unknown>, key: string, value: string | (() => string)): void {
  const descriptor = typeof value === 'string' ? { value, writable: true } : { get: value };
  Object.defineProperty(article, key, { ...descriptor, enumerable: true, configurable: true });
}

// The copies of the last few articles: consecutive pages share articles (page i's `previous` is page
// i+1's `article` and page i+2's `next`), and a message then carries each copy once instead of three times.
const recentCopies: [Article, Record<string, unknown>][] = [];

function sharedCopy(article: Article): Record<string, unknown> {
  const found = recentCopies.find(([original]) => original === article);
  if (found) return found[1];
  const copy = withoutBody(article);
  recentCopies.push([article, copy]);
  if (recentCopies.length > 4) recentCopies.shift();
  return copy;
}

// Every field but the body and text, in the same order (the getters of stored ones are never called).
function withoutBody(article: Article): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(article)) copy[key] = key === 'html' || key === 'text' ? '' : article[key as keyof Article];
  return copy;
}
