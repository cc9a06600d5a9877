import type { ColumnConfig, SiteConfig } from '../config/schema.js';
import type { Article, ZonedDate } from '../content/types.js';

/** A list of articles shown under one URL, split into pages of `config.pageSize`. */
export interface ArticleListing {
  /** Heading of the listing, e.g. the column name or `2023年12月`. */
  readonly title: string;
  /** URL of the first page, e.g. `/` or `/columns/news/`. */
  readonly url: string;
  readonly articles: readonly Article[];
}

/** A declared column with its articles, newest first. */
export interface ColumnModel extends ArticleListing {
  readonly key: string;
  readonly config: ColumnConfig;
}

/** A tag with its articles, newest first. */
export interface TagModel extends ArticleListing {
  readonly name: string;
}

/** A month of the archive, e.g. `/archive/2023/12/`. */
export interface MonthArchive extends ArticleListing {
  readonly year: number;
  readonly month: number;
}

/** A year of the archive, e.g. `/archive/2023/`, with its months newest first. */
export interface YearArchive extends ArticleListing {
  readonly year: number;
  readonly months: readonly MonthArchive[];
}

/** The article before and after one article in date order. */
export interface Neighbours {
  /** The older article. */
  readonly previous?: Article;
  /** The newer article. */
  readonly next?: Article;
}

/** Everything the renderers need, built once from all articles. */
export interface SiteModel {
  readonly config: SiteConfig;
  /** Newest first; ties broken by URL so the order is stable. */
  readonly articles: readonly Article[];
  readonly columns: readonly ColumnModel[];
  readonly tags: readonly TagModel[];
  readonly years: readonly YearArchive[];
  /** Keyed by article URL. */
  readonly neighbours: ReadonlyMap<string, Neighbours>;
  /** Build time (SOURCE_DATE_EPOCH when set). */
  readonly now: ZonedDate;
  /** True when drafts are included (dev, --drafts): templates mark them. */
  readonly includesDrafts: boolean;
}

/** One page of a paginated listing. */
export interface Pagination<T> {
  readonly items: readonly T[];
  /** 1-based. */
  readonly pageNumber: number;
  readonly totalPages: number;
  readonly url: string;
  readonly previousUrl?: string;
  readonly nextUrl?: string;
  readonly firstUrl: string;
  readonly lastUrl: string;
}
