import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Article } from '../content/types.js';
import { copyArticleIdentity } from './article-identity.js';
import type { SourceOutcome } from './source-pipeline.js';

/** Where one article's body lies in a store: a worker thread of this process reads it through the same descriptor. */
export interface BodyRef {
  readonly fd: number;
  readonly offset: number;
  readonly length: number;
}

const refs = new WeakMap<object, BodyRef>();
const textRefs = new WeakMap<object, BodyRef>();

/** Where `article`'s body lies, for an article that came out of a store; undefined for one that holds its own. */
export function bodyRefOf(article: object): BodyRef | undefined {
  return refs.get(article);
}

/** Where `article`'s plain text lies, like `bodyRefOf`. */
export function textRefOf(article: object): BodyRef | undefined {
  return textRefs.get(article);
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

/**
 * Article bodies (the rendered HTML and the plain text, most of an article's weight) kept in an unlinked temporary
 * file instead of the heap while the model is built: each article's `html` is read back when a
 * template or feed asks for it, so a 100,000-article build does not hold every body at once.
 */
export class BodyStore {
  private end = 0;

  private constructor(private readonly fd: number) {}

  /** A new store in the system's temporary folder; the file has no name left once opened. */
  static open(): BodyStore {
    const file = path.join(os.tmpdir(), `broadsheet-bodies-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
    const fd = openSync(file, 'w+', 0o600);
    unlinkSync(file);
    const store = new BodyStore(fd);
    // The lazy articles hold the store: the file is released when the last of them is garbage.
    closeWhenCollected.register(store, fd);
    return store;
  }

  /** The outcomes with their articles' HTML and plain text moved into the store (one write for the batch). */
  spill(outcomes: readonly SourceOutcome[]): SourceOutcome[] {
    const bodies = outcomes.map((o) => (o.article ? [Buffer.from(o.article.html, 'utf8'), Buffer.from(o.article.text, 'utf8')] as const : undefined));
    const joined = Buffer.concat(bodies.flatMap((b) => b ?? []));
    writeSync(this.fd, joined, 0, joined.length, this.end);
    let at = this.end;
    this.end += joined.length;
    return outcomes.map((outcome, i) => {
      const body = bodies[i];
      if (!outcome.article || !body) return outcome;
      const [html, text] = body;
      const article = this.lazyArticle(outcome.article, at, html.length, text.length);
      at += html.length + text.length;
      return { ...outcome, article };
    });
  }

  private lazyArticle(article: Article, offset: number, htmlLength: number, textLength: number): Article {
    const copy: Record<string, unknown> = { ...article };
    const ref = { fd: this.fd, offset, length: htmlLength };
    const textRef = { fd: this.fd, offset: offset + htmlLength, length: textLength };
    // The getters hold the store: its descriptor stays open while any of its articles is alive.
    Object.defineProperty(copy, 'html', { enumerable: true, get: () => this.read(ref) });
    Object.defineProperty(copy, 'text', { enumerable: true, get: () => this.read(textRef) });
    copyArticleIdentity(article, copy as unknown as Article);
    refs.set(copy, ref);
    textRefs.set(copy, textRef);
    return copy as unknown as Article;
  }

  private read(ref: BodyRef): string {
    return readBody(ref);
  }
}
