import { isDeepStrictEqual } from 'node:util';
import type { Article } from '../content/types.js';
import { compareNewestFirst } from '../site/model.js';
import { pageUrl } from '../site/paginate.js';
import type { ArticleListing, SiteModel } from '../site/types.js';

/**
 * What an edit of one article changes: `none` (same object: a broken save kept the last good one),
 * `body` (only the text: its own page), `listed` (also what listings and neighbours show: title,
 * summary, source...), `structural` (where it is listed: URL, date, column, tags, draft; or it
 * appeared or disappeared), which needs the site model built again.
 */
export type EditKind = 'none' | 'body' | 'listed' | 'structural';

// Fields only the article's own page shows (and the search index, which dev does not build).
const bodyFields = new Set<string>(['html', 'text', 'sections', 'charCount', 'readingMinutes']);

/** How an article's new version differs from its last one. */
export function classifyEdit(before: Article | undefined, after: Article | undefined): EditKind {
  if (before === after) return 'none';
  if (before === undefined || after === undefined) return 'structural';
  const placed =
    before.url === after.url &&
    before.date.epochMs === after.date.epochMs &&
    before.column === after.column &&
    before.draft === after.draft &&
    isDeepStrictEqual(before.tags, after.tags);
  if (!placed) return 'structural';
  return isDeepStrictEqual(listedFields(before), listedFields(after)) ? 'body' : 'listed';
}

function listedFields(article: Article): Record<string, unknown> {
  return Object.fromEntries(Object.entries(article).filter(([key]) => !bodyFields.has(key)));
}

/**
 * Put `after` where `before` is in every list of the model and in its neighbours' entries.
 * Only for edits that keep the article's place (not `structural`): every list stays sorted, so
 * the article is found by binary search. False when the model does not show the article (a
 * hidden draft or a future article).
 */
export function replaceArticle(model: SiteModel, before: Article, after: Article): boolean {
  const listings = listingsShowing(model, before);
  if (listings.length === 0) return false;
  for (const listing of listings) {
    const i = indexIn(listing.articles, before);
    // The model's lists are typed readonly for the renderers; the dev site owns this model and patches it.
    if (i >= 0) (listing.articles as Article[])[i] = after;
  }
  const neighbours = model.neighbours as Map<string, { previous?: Article; next?: Article }>;
  const { previous, next } = neighbours.get(before.url) ?? {};
  if (previous) neighbours.set(previous.url, { ...neighbours.get(previous.url), next: after });
  if (next) neighbours.set(next.url, { ...neighbours.get(next.url), previous: after });
  return true;
}

/** The URLs of the listing pages that show `article`, and of its neighbours' pages (whose links show its title). */
export function pagesShowing(model: SiteModel, article: Article): string[] {
  const { pageSize, paginationPath } = model.config;
  const urls = listingsShowing(model, article).map((listing) => {
    const pageNumber = Math.floor(indexIn(listing.articles, article) / pageSize) + 1;
    return pageUrl(listing.url, paginationPath, pageNumber);
  });
  const { previous, next } = model.neighbours.get(article.url) ?? {};
  for (const neighbour of [previous, next]) if (neighbour) urls.push(neighbour.url);
  return urls;
}

/** Every listing of the model that holds the article (home, column, tags, year, month); none when the model does not show it. */
function listingsShowing(model: SiteModel, article: Article): ArticleListing[] {
  if (indexIn(model.articles, article) < 0) return [];
  const home: ArticleListing = { title: model.config.title, url: '/', articles: model.articles };
  const column = model.columns.find((c) => c.key === article.column);
  const tags = article.tags.map((name) => tagNamed(model, name));
  const year = model.years.find((y) => y.year === article.date.year);
  const month = year?.months.find((m) => m.month === article.date.month);
  return [home, column, ...tags, year, month].filter((l): l is ArticleListing => l !== undefined && indexIn(l.articles, article) >= 0);
}

/** The position of the article in a newest-first list (by date and URL), or -1. */
function indexIn(list: readonly Article[], article: Article): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareNewestFirst(list[mid] as Article, article) < 0) low = mid + 1;
    else high = mid;
  }
  return list[low]?.url === article.url ? low : -1;
}

// model.tags is sorted by name.
function tagNamed(model: SiteModel, name: string): ArticleListing | undefined {
  let low = 0;
  let high = model.tags.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((model.tags[mid]?.name ?? '') < name) low = mid + 1;
    else high = mid;
  }
  return model.tags[low]?.name === name ? model.tags[low] : undefined;
}
