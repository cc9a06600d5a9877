/** The kinds of article source the build reads. */
export type SourceFormat = 'markdown' | 'legacy-text' | 'legacy-html';

/**
 * A source split into its metadata and its Markdown body. Legacy parsers produce the same
 * shape (metadata found in the text, body rewritten as Markdown), so everything after parsing,
 * and `broadsheet import`, treats all sources alike.
 */
export interface ParsedSource {
  readonly path: string;
  readonly format: SourceFormat;
  /** Front matter (or the fields a legacy parser found), not yet validated. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Markdown body. */
  readonly body: string;
  /** 1-based line of the original file where the body starts (for diagnostics). */
  readonly bodyLine: number;
  /** 1-based line of each front-matter key in the original file, where known. */
  readonly keyLines: Readonly<Record<string, number>>;
  /** 1-based column where each front-matter key's value starts, where known (else errors point at the key). */
  readonly keyColumns?: Readonly<Record<string, number>>;
}

/** Wall-clock fields as written in a source or shown on a clock, without a time zone. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** A point in time with its wall-clock fields in the site timezone. */
export interface ZonedDate extends WallClock {
  /** Milliseconds since the epoch. */
  readonly epochMs: number;
  /** ISO 8601 with the site offset, e.g. `2023-12-20T09:30:00+08:00`. */
  readonly iso: string;
  /** 0 = Sunday. */
  readonly weekday: number;
  /** True when the source gave a time of day, not only a date. */
  readonly hasTime: boolean;
}

/** A section heading of an article body (a `##` heading). */
export interface ArticleSection {
  readonly heading: string;
  readonly id: string;
}

/** A validated article, ready for the site model and the templates. */
export interface Article {
  readonly sourcePath: string;
  readonly format: SourceFormat;
  readonly slug: string;
  /** Site-relative URL with leading and trailing slash, e.g. `/2023/12/budget/`. */
  readonly url: string;
  readonly title: string;
  readonly date: ZonedDate;
  readonly updated?: ZonedDate;
  readonly source?: string;
  readonly editor?: string;
  readonly author?: string;
  /** Column (栏目) key, as declared in the config. */
  readonly column?: string;
  readonly tags: readonly string[];
  /** Plain-text summary: front-matter `summary`, else the start of the first paragraph. */
  readonly summary: string;
  readonly cover?: string;
  readonly draft: boolean;
  /** Rendered body HTML. */
  readonly html: string;
  /** The body as plain text (paragraphs on lines of their own): what the site search indexes. */
  readonly text: string;
  readonly sections: readonly ArticleSection[];
  /** Han characters plus Latin words, the way Chinese newsrooms count length. */
  readonly charCount: number;
  readonly readingMinutes: number;
  /** Front-matter keys we do not know, passed through to templates. */
  readonly extra: Readonly<Record<string, unknown>>;
}
