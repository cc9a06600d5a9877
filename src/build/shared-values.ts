import type { Article } from '../content/types.js';
import type { SourceOutcome } from './source-pipeline.js';

// The fields whose values repeat across a site's articles (a handful of columns, sources, editors and
// encodings for thousands of articles). Each article arrives from a worker thread or a cache entry with
// its own copy of every string: one shared copy per value takes ~200 bytes an article off the heap.
const repeatedFields = ['format', 'column', 'source', 'editor', 'author'] as const;

/** One copy of each repeated string for a whole build, the articles and outcomes it is given pointing at it. */
export class SharedValues {
  private readonly strings = new Map<string, string>();

  /** The shared copy of `value` (the first one seen). */
  string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /** Point the article's repeated fields (and tags) at the shared copies, in place (its identity and stored body stay); returns it. */
  shareArticle(article: Article): Article {
    const fields = article as unknown as Record<string, unknown>;
    for (const name of repeatedFields) {
      const value = fields[name];
      if (typeof value === 'string' && Object.getOwnPropertyDescriptor(fields, name)?.writable) fields[name] = this.string(value);
    }
    const tags = article.tags as string[];
    if (!Object.isFrozen(tags)) tags.forEach((tag, i) => (tags[i] = this.string(tag)));
    return article;
  }

  /** The outcome with its encoding and how it was decided shared, for the summary line. */
  shareOutcome(outcome: SourceOutcome): SourceOutcome {
    const { encoding, decidedBy } = outcome;
    return {
      ...outcome,
      ...(encoding !== undefined && { encoding: this.string(encoding) }),
      ...(decidedBy !== undefined && { decidedBy: this.string(decidedBy) as typeof decidedBy }),
    };
  }
}
