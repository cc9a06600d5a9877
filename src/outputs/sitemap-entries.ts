import type { Article } from '../content/types.js';
import { mirrorSettings } from '../render/mirror.js';
import { absoluteUrl } from '../render/site-view.js';
import { paginate } from '../site/paginate.js';
import type { ArticleListing, SiteModel } from '../site/types.js';

/** One `<url>` of a sitemap: an absolute page URL and when its content last changed. */
export interface SitemapEntry {
  readonly loc: string;
  /** ISO 8601 with the site offset; absent for a listing with no articles. */
  readonly lastmod?: string;
}

/**
 * Every HTML page the build writes (articles, home, columns, tags, archives with their pagination,
 * the search page), then the same pages of the other-script mirror. Drafts are never listed.
 */
export function sitemapEntries(model: SiteModel): SitemapEntry[] {
  const entries = originalEntries(model);
  const mirror = mirrorSettings(model.config);
  if (!mirror) return entries;
  const origin = absoluteUrl(model.config, '/');
  const mirrored = entries.map((e) => ({ ...e, loc: origin + mirror.prefix.slice(1) + e.loc.slice(origin.length) }));
  return [...entries, ...mirrored];
}

function originalEntries(model: SiteModel): SitemapEntry[] {
  const published = (articles: readonly Article[]): Article[] => articles.filter((a) => !a.draft);
  const entries: SitemapEntry[] = published(model.articles).map((a) => ({
    loc: absoluteUrl(model.config, a.url),
    lastmod: (a.updated ?? a.date).iso,
  }));
  const listings: ArticleListing[] = [{ title: model.config.title, url: '/', articles: model.articles }];
  listings.push(...model.columns, ...model.tags);
  for (const year of model.years) listings.push(year, ...year.months);
  for (const listing of listings) entries.push(...listingEntries(model, listing.url, published(listing.articles)));
  entries.push(entry(model, '/archive/', newestChange(published(model.articles))));
  if (model.config.search) entries.push(entry(model, '/search/', undefined));
  return entries;
}

function listingEntries(model: SiteModel, url: string, articles: readonly Article[]): SitemapEntry[] {
  const { pageSize, paginationPath } = model.config;
  // Every page of a listing changes when a newer article arrives and shifts the rest along.
  const lastmod = newestChange(articles);
  return paginate(articles, pageSize, url, paginationPath).map((p) => entry(model, p.url, lastmod));
}

function entry(model: SiteModel, url: string, lastmod: string | undefined): SitemapEntry {
  const loc = absoluteUrl(model.config, url);
  return lastmod === undefined ? { loc } : { loc, lastmod };
}

function newestChange(articles: readonly Article[]): string | undefined {
  let newest: Article['date'] | undefined;
  for (const a of articles) {
    const changed = a.updated ?? a.date;
    if (newest === undefined || changed.epochMs > newest.epochMs) newest = changed;
  }
  return newest?.iso;
}
