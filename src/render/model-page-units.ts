import { createHash } from 'node:crypto';
import type { Article } from '../content/types.js';
import { recentArticles, renderNewsSitemap, renderRobots, renderSitemapPages, sitemapEntries } from '../outputs/index.js';
import { feedPages, feedSources } from '../outputs/feeds.js';
import { emptyFeedUpdated } from '../outputs/feed-view.js';
import { paginate } from '../site/paginate.js';
import type { ArticleListing, SiteModel } from '../site/types.js';
import type { Renderer } from './environment.js';
import { renderHtmlPage } from './html-page.js';
import { renderListingPage } from './listing-pages.js';
import type { Page } from './page.js';
import { renderSearchPage } from './search-page.js';

/**
 * One shared page, or a few made together (a feed's three formats, the sitemap's files), with
 * what it is made from besides the site itself (config, theme, site view): page reuse keys it by
 * that alone and renders only the units whose key changed.
 */
export interface ModelPageUnit {
  /** Names the unit among the site's units: its kind and first URL. */
  readonly id: string;
  /**
   * What every page of its group is made from: for a listing page, the template, the listing and
   * the template data (the same object for each page of one listing, so it is hashed once); for an
   * output, what it lists. Templates see articles only through this and `own`.
   */
  readonly group: Readonly<Record<string, unknown>>;
  /** What a listing page shows besides its group: its number and its articles (the rest of its pagination follows from the group). */
  readonly own?: { readonly pageNumber: number; readonly items: readonly Article[] };
  /** Render its pages. */
  render(renderer: Renderer): Iterable<Page>;
}

/** Every shared page made from the model (all but article pages and theme assets), as units, in `renderModelPages`'s order. */
export function* modelPageUnits(model: SiteModel): Generator<ModelPageUnit> {
  yield* listingUnits(model, { title: model.config.title, url: '/', articles: model.articles }, 'index.njk', { showSummary: true });
  for (const column of model.columns) yield* listingUnits(model, column, 'column.njk', { column, showSummary: true });
  for (const tag of model.tags) yield* listingUnits(model, tag, 'tag.njk', { tag, showSummary: false });
  yield htmlUnit(model, 'archive-index.njk', '/archive/', { years: model.years });
  for (const year of model.years) {
    yield* listingUnits(model, year, 'archive.njk', { year, showSummary: false });
    for (const month of year.months) yield* listingUnits(model, month, 'archive.njk', { year, month, showSummary: false });
  }
  yield* outputUnits(model);
  if (model.config.search) yield { id: 'html:/search/', group: { template: 'search.njk', url: '/search/' }, render: (renderer) => [renderSearchPage(model, renderer)] };
}

function* listingUnits(model: SiteModel, listing: ArticleListing, template: string, data: Readonly<Record<string, unknown>>): Generator<ModelPageUnit> {
  const group = { template, listing, data };
  for (const pagination of paginate<Article>(listing.articles, model.config.pageSize, listing.url, model.config.paginationPath)) {
    yield {
      id: `listing:${pagination.url}`,
      group,
      own: { pageNumber: pagination.pageNumber, items: pagination.items },
      render: (renderer) => [renderListingPage(listing, pagination, template, model, renderer, data)],
    };
  }
}

function htmlUnit(model: SiteModel, template: string, url: string, data: Readonly<Record<string, unknown>>): ModelPageUnit {
  return { id: `html:${url}`, group: { template, url, data }, render: (renderer) => [renderHtmlPage(model, renderer, template, url, data)] };
}

const sitemapGroups = new WeakMap<SiteModel, Readonly<Record<string, unknown>>>();

/** The feeds, sitemaps, news sitemap and robots.txt (`renderOutputPages`), each keyed by what it lists. */
function* outputUnits(model: SiteModel): Generator<ModelPageUnit> {
  for (const source of feedSources(model)) {
    const items = source.articles.filter((a) => !a.draft).slice(0, model.config.feed.items);
    // An empty feed is dated by the site's newest article (`emptyFeedUpdated`), by the build time on a site without any:
    // that is a group holding `now`, which page reuse and the up-to-date check take as a page that changes on every build.
    const updated = items.length === 0 ? emptyFeedUpdated(model) : undefined;
    const dated = updated === undefined ? {} : updated === model.now ? { now: model.now } : { updated };
    const group = { feed: source.url, title: source.title, description: source.description, items, ...dated };
    yield { id: `feed:${source.url}`, group, render: () => feedPages(model, source) };
  }
  yield {
    id: 'sitemap',
    // Only asked for by page reuse: a build without it does not list the entries twice. Kept per
    // model: keying the units and the up-to-date record each ask (0.3 s a time at 100,000 articles).
    // A digest of the entries, not their text, which was 17 MB held through the build at 100,000.
    get group() {
      let group = sitemapGroups.get(model);
      if (group === undefined) {
        const entries = createHash('sha256');
        for (const entry of sitemapEntries(model)) entries.update(`${entry.loc} ${entry.lastmod ?? ''}\n`);
        group = { sitemap: entries.digest('base64url') };
        sitemapGroups.set(model, group);
      }
      return group;
    },
    render: () => renderSitemapPages(model),
  };
  yield { id: 'news-sitemap', group: { news: recentArticles(model) }, render: () => [renderNewsSitemap(model)] };
  yield { id: 'robots', group: { robots: true }, render: () => [renderRobots(model)] };
}
