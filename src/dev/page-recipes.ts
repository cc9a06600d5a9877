import type { Article } from '../content/types.js';
import type { Renderer } from '../render/environment.js';
import { renderArticlePage, renderAssetPages } from '../render/index.js';
import { renderListingPage } from '../render/listing-pages.js';
import { renderSearchPage } from '../render/search-page.js';
import { renderHtmlPage } from '../render/html-page.js';
import type { Page } from '../render/page.js';
import { paginate } from '../site/paginate.js';
import type { ArticleListing, Pagination, SiteModel } from '../site/types.js';
import type { OutputPages } from './output-recipes.js';

/**
 * How to make one page, and what it depends on: two recipes with equal inputs (element by
 * element, by identity) render the same page, so the dev server renders again only when they differ.
 * Unchanged articles keep their Article object across rebuilds, which makes identity enough.
 */
export interface PageRecipe {
  readonly inputs: readonly unknown[];
  readonly render: () => Page;
  /** The same page's recipe from the model as it is now, after articles were replaced in place . */
  readonly refresh?: () => PageRecipe;
}

/** True when two recipes' inputs are the same values in the same order. */
export function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The recipe of one article's page: the article and its neighbours as the model has them now. */
export function articleRecipe(article: Article, model: SiteModel, renderer: Renderer, generation: number): PageRecipe {
  const { previous, next } = model.neighbours.get(article.url) ?? {};
  return {
    inputs: [generation, article, previous, next],
    render: () => renderArticlePage(article, model, renderer),
    refresh: () => articleRecipe(article, model, renderer, generation),
  };
}

/**
 * Every page of the site as a recipe, keyed by URL: what `renderSite` renders (feeds and
 * sitemaps from `outputs`), plus the public files. `generation` changes when templates or the config do, so every recipe changes.
 */
export function pageRecipes(model: SiteModel, renderer: Renderer, publicPages: readonly Page[], generation: number, outputs: OutputPages): Map<string, PageRecipe> {
  const recipes = new Map<string, PageRecipe>();
  for (const article of model.articles) recipes.set(article.url, articleRecipe(article, model, renderer, generation));
  const listings = (listing: ArticleListing, template: string, data: Readonly<Record<string, unknown>>, extra: readonly unknown[] = []) =>
    addListing(recipes, listing, template, model, renderer, data, [generation, template, ...extra]);
  listings({ title: model.config.title, url: '/', articles: model.articles }, 'index.njk', { showSummary: true });
  for (const column of model.columns) listings(column, 'column.njk', { column, showSummary: true });
  for (const tag of model.tags) listings(tag, 'tag.njk', { tag, showSummary: false });
  const archiveCounts = model.years.map((y) => `${y.year}:${y.months.map((m) => `${m.month}=${m.articles.length}`).join(',')}`).join(';');
  recipes.set('/archive/', {
    inputs: [generation, archiveCounts],
    render: () => renderHtmlPage(model, renderer, 'archive-index.njk', '/archive/', { years: model.years }),
  });
  for (const year of model.years) {
    const monthCounts = year.months.map((m) => `${m.month}=${m.articles.length}`).join(',');
    listings(year, 'archive.njk', { year, showSummary: false }, [monthCounts]);
    for (const month of year.months) listings(month, 'archive.njk', { year, month, showSummary: false });
  }
  for (const url of outputs.urls()) recipes.set(url, outputs.recipe(url, generation));
  if (model.config.search) recipes.set('/search/', { inputs: [generation], render: () => renderSearchPage(model, renderer) });
  for (const page of renderAssetPages(renderer)) recipes.set(page.url, { inputs: [generation, page.contents.length], render: () => page });
  // Public files come last: like the build, a site's own file wins over the theme's.
  for (const page of publicPages) recipes.set(page.url, { inputs: [page], render: () => page });
  return recipes;
}

function addListing(
  recipes: Map<string, PageRecipe>,
  listing: ArticleListing,
  template: string,
  model: SiteModel,
  renderer: Renderer,
  data: Readonly<Record<string, unknown>>,
  inputs: readonly unknown[],
): void {
  const pages = paginate<Article>(listing.articles, model.config.pageSize, listing.url, model.config.paginationPath);
  for (const pagination of pages) {
    // listing.articles is the model's own array: after an article is replaced in it, one page is paginated again.
    const refresh = (): PageRecipe => {
      const again = paginate<Article>(listing.articles, model.config.pageSize, listing.url, model.config.paginationPath)[pagination.pageNumber - 1];
      if (again === undefined) throw new Error(`Internal error: ${pagination.url} has no page ${pagination.pageNumber} after a patch`);
      return listingRecipe(listing, again, template, model, renderer, data, inputs, refresh);
    };
    recipes.set(pagination.url, listingRecipe(listing, pagination, template, model, renderer, data, inputs, refresh));
  }
}

function listingRecipe(
  listing: ArticleListing,
  pagination: Pagination<Article>,
  template: string,
  model: SiteModel,
  renderer: Renderer,
  data: Readonly<Record<string, unknown>>,
  inputs: readonly unknown[],
  refresh: () => PageRecipe,
): PageRecipe {
  return {
    inputs: [...inputs, listing.title, pagination.pageNumber, pagination.totalPages, ...pagination.items],
    render: () => renderListingPage(listing, pagination, template, model, renderer, data),
    refresh,
  };
}
