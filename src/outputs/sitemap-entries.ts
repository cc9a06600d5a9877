import type { Article } from '../content/types.js';
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
 * Every HTML page the theme renders (articles, home, columns, tags, archives, with their
 * pagination), in the order renderSite yields them. Drafts are never listed.
 */
export function sitemapEntries(model: SiteModel): SitemapEntry[] {
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
