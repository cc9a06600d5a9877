import type { Article, ZonedDate } from '../content/types.js';
import { absoluteUrl } from '../render/site-view.js';
import type { SiteModel } from '../site/types.js';
import { feedUrlsOf, type FeedUrls } from './feed-urls.js';
import { toAbsolute } from './to-absolute.js';

/** One article as every feed format shows it; URLs absolute, dates in the site zone. */
export interface FeedItemView {
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  /** Full HTML with absolute links; absent when the config asks for summaries only. */
  readonly contentHtml?: string;
  readonly published: ZonedDate;
  readonly updated: ZonedDate;
  readonly author?: string;
  readonly tags: readonly string[];
  readonly image?: string;
}

/** A feed before serialization: the same view feeds RSS, Atom and JSON Feed. */
export interface FeedView {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  /** Absolute URL of the listing's HTML page. */
  readonly homeUrl: string;
  /** Absolute URLs of this feed in each format. */
  readonly urls: FeedUrls;
  /** Publisher name: Atom needs an author for the feed. */
  readonly publisher: string;
  /** The newest article's date (its update if any); the build time only when the feed is empty. */
  readonly updated: ZonedDate;
  readonly items: readonly FeedItemView[];
}

/** What a feed is made from: a listing's heading, page URL and articles (newest first). */
export interface FeedSource {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly articles: readonly Article[];
}

/** The newest `config.feed.items` published articles of a listing, as a feed. */
export function buildFeedView(model: SiteModel, source: FeedSource): FeedView {
  const { config } = model;
  const articles = source.articles.filter((a) => !a.draft).slice(0, config.feed.items);
  const items = articles.map((a) => feedItem(model, a));
  const urls = feedUrlsOf(source.url);
  return {
    title: source.title,
    description: source.description === '' ? source.title : source.description,
    language: config.language,
    homeUrl: absoluteUrl(config, source.url),
    urls: { rss: absoluteUrl(config, urls.rss), atom: absoluteUrl(config, urls.atom), json: absoluteUrl(config, urls.json) },
    publisher: config.publisher.name ?? config.title,
    updated: newest(items.map((i) => i.updated)) ?? emptyFeedUpdated(model),
    items,
  };
}

/**
 * When a feed with no item (a column with nothing published yet) was last updated: when the site
 * last was, its newest published article's update or date, so the same site gives the same feed on
 * every build. Only a site with no published article at all takes the build time.
 */
export function emptyFeedUpdated(model: SiteModel): ZonedDate {
  let updated: ZonedDate | undefined;
  for (const article of model.articles) {
    const time = article.updated ?? article.date;
    if (!article.draft && (updated === undefined || time.epochMs > updated.epochMs)) updated = time;
  }
  return updated ?? model.now;
}

/** Make root-relative `href`/`src` attributes absolute: feed readers show content away from the site. */
export function absoluteLinks(html: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${base}/`);
}

function feedItem(model: SiteModel, article: Article): FeedItemView {
  const { config } = model;
  return {
    url: absoluteUrl(config, article.url),
    title: article.title,
    summary: article.summary,
    ...(config.feed.fullText && { contentHtml: absoluteLinks(article.html, config.baseUrl) }),
    published: article.date,
    updated: article.updated ?? article.date,
    ...(article.author !== undefined && { author: article.author }),
    tags: article.tags,
    ...(article.cover !== undefined && { image: toAbsolute(config.baseUrl, article.cover) }),
  };
}

function newest(dates: readonly ZonedDate[]): ZonedDate | undefined {
  let best: ZonedDate | undefined;
  for (const d of dates) if (best === undefined || d.epochMs > best.epochMs) best = d;
  return best;
}
