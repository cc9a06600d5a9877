import { closeSync, openSync, readSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeAll } from '../cache/write-all.js';
import type { Article } from '../content/types.js';
import { copyArticleIdentity } from './article-identity.js';
import type { SourceOutcome } from './source-pipeline.js';

/** Where one article's body lies in a store: a worker thread of this process reads it through the same descriptor. */
export interface BodyRef {
  readonly fd: number;
  readonly offset: number;
  readonly length: number;
}

/** Where one stored article's HTML and, right after it, its plain text lie. */
interface StoredBodies {
  /** Held here so the store's descriptor stays open while any of its articles is alive. */
  readonly store: BodyStore;
  readonly offset: number;
  readonly htmlLength: number;
  readonly textLength: number;
}

const stored = new WeakMap<object, StoredBodies>();

/** Where `article`'s body lies, for an article that came out of a store; undefined for one that holds its own. */
export function bodyRefOf(article: object): BodyRef | undefined {
  const at = stored.get(article);
  return at && { fd: at.store.fd, offset: at.offset, length: at.htmlLength };
}

/** Where `article`'s plain text lies, like `bodyRefOf`. */
export function textRefOf(article: object): BodyRef | undefined {
  const at = stored.get(article);
  return at && { fd: at.store.fd, offset: at.offset + at.htmlLength, length: at.textLength };
}

function storedRef(article: object, ref: (article: object) => BodyRef | undefined): BodyRef {
  const found = ref(article);
  if (found === undefined) throw new Error('Internal error: a stored article\'s body was read through an object the store did not make');
  return found;
}

// One getter per field, shared by every stored article: V8 then gives them all one hidden class. A closure per
// article gave each its own, and pushed every article into dictionary mode (about 1 KB more of heap each).
function storedHtml(this: object): string {
  return readBody(storedRef(this, bodyRefOf));
}

function storedText(this: object): string {
  return readBody(storedRef(this, textRefOf));
}

// One read buffer per thread, reused: a fresh buffer per body is an external allocation the GC must chase.
let scratch = Buffer.allocUnsafe(64 * 1024);

/** Read one body back from its store (in any thread, while the store is open). */
export function readBody(ref: BodyRef): string {
  if (scratch.length < ref.length) scratch = Buffer.allocUnsafe(Math.max(ref.length, scratch.length * 2));
  readBodyInto(ref, scratch, 0);
  return scratch.toString('utf8', 0, ref.length);
}

/** Copy one body's UTF-8 bytes from its store into `buffer` at `at`, which has room for `ref.length` bytes; returns that length. */
export function readBodyInto(ref: BodyRef, buffer: Uint8Array, at: number): number {
  let done = 0;
  while (done < ref.length) {
    const read = readSync(ref.fd, buffer, at + done, ref.length - done, ref.offset + done);
    if (read === 0) throw new Error(`Internal error: the body store ended ${ref.length - done} bytes early`);
    done += read;
  }
  return ref.length;
}

const closeWhenCollected = new FinalizationRegistry<number>((fd) => closeSync(fd));

/** Where one article's HTML and, right after it, its plain text were written in a body file. */
export interface BodyPlace {
  readonly offset: number;
  readonly htmlLength: number;
  readonly textLength: number;
}

/** A new file in the system's temporary folder, with no name left once opened. */
function openUnlinked(): number {
  const file = path.join(os.tmpdir(), `broadsheet-bodies-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
  const fd = openSync(file, 'w+', 0o600);
  unlinkSync(file);
  return fd;
}

/** Write the bodies of `outcomes` at `at` in one write: where each article's went (null: no article), and the new end. */
function appendBodies(fd: number, at: number, outcomes: readonly SourceOutcome[]): { readonly places: (BodyPlace | null)[]; readonly end: number } {
  const bodies = outcomes.map((o) => (o.article ? [Buffer.from(o.article.html, 'utf8'), Buffer.from(o.article.text, 'utf8')] as const : undefined));
  const joined = Buffer.concat(bodies.flatMap((b) => b ?? []));
  writeAll(fd, joined, at);
  let offset = at;
  const places = bodies.map((body) => {
    if (!body) return null;
    const place = { offset, htmlLength: body[0].length, textLength: body[1].length };
    offset += place.htmlLength + place.textLength;
    return place;
  });
  return { places, end: at + joined.length };
}

/**
 * Article bodies (the rendered HTML and the plain text, most of an article's weight) kept in an unlinked temporary
 * file instead of the heap while the model is built: each article's `html` is read back when a
 * template or feed asks for it, so a 100,000-article build does not hold every body at once.
 */
export class BodyStore {
  private end = 0;

  /** The store's file, which worker threads of this process read through. */
  private constructor(readonly fd: number) {
    // The lazy articles hold the store: the file is released when the last of them is garbage.
    closeWhenCollected.register(this, fd);
  }

  /** A new store in the system's temporary folder; the file has no name left once opened. */
  static open(): BodyStore {
    return new BodyStore(openUnlinked());
  }

  /** The outcomes with their articles' HTML and plain text moved into the store (one write for the batch); articles already in a store stay as they are. */
  spill(outcomes: readonly SourceOutcome[]): SourceOutcome[] {
    const moving = outcomes.filter((o) => o.article && !stored.has(o.article));
    const { places, end } = appendBodies(this.fd, this.end, moving);
    this.end = end;
    const placeOf = new Map(moving.map((o, i) => [o, places[i] ?? null]));
    return this.stored(outcomes, outcomes.map((o) => placeOf.get(o) ?? null));
  }

  /** The outcomes with each article's body read from this store at its place (an outcome without a place stays as it is). */
  stored(outcomes: readonly SourceOutcome[], places: readonly (BodyPlace | null)[]): SourceOutcome[] {
    return outcomes.map((outcome, i) => {
      const place = places[i];
      if (!outcome.article || !place) return outcome;
      return { ...outcome, article: this.lazyArticle(outcome.article, place) };
    });
  }

  private lazyArticle(article: Article, place: BodyPlace): Article {
    // Built key by key in the article's own order, so the copy lists its fields as the article did.
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(article)) {
      if (key === 'html') Object.defineProperty(copy, key, { enumerable: true, configurable: true, get: storedHtml });
      else if (key === 'text') Object.defineProperty(copy, key, { enumerable: true, configurable: true, get: storedText });
      else copy[key] = value;
    }
    copyArticleIdentity(article, copy as unknown as Article);
    stored.set(copy, { store: this, ...place });
    return copy as unknown as Article;
  }
}

/**
 * A worker thread's article bodies, written to a body file the main thread opened for it (a thread
 * closes the files it opened when it ends), so they never cross to the main thread as strings.
 */
export class BodyWriter {
  private end = 0;

  constructor(readonly fd: number) {}

  /** Write the bodies of `outcomes`: the outcomes with empty bodies in their place, and where each went. */
  write(outcomes: readonly SourceOutcome[]): { readonly outcomes: SourceOutcome[]; readonly places: (BodyPlace | null)[] } {
    const { places, end } = appendBodies(this.fd, this.end, outcomes);
    this.end = end;
    // Emptied, not deleted: the article keeps its fields in their order, and the main thread puts getters there.
    const light = outcomes.map((o) => (o.article ? { ...o, article: { ...o.article, html: '', text: '' } } : o));
    return { outcomes: light, places };
  }
}
