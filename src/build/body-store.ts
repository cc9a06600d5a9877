import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Article } from '../content/types.js';
import { copyArticleIdentity } from './article-identity.js';
import type { SourceOutcome } from './source-pipeline.js';

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
    Object.defineProperty(copy, 'html', { enumerable: true, get: () => this.read(offset, htmlLength) });
    Object.defineProperty(copy, 'text', { enumerable: true, get: () => this.read(offset + htmlLength, textLength) });
    copyArticleIdentity(article, copy as unknown as Article);
    return copy as unknown as Article;
  }

  private read(offset: number, length: number): string {
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) done += readSync(this.fd, buffer, done, length - done, offset + done);
    return buffer.toString('utf8');
  }
}
