import type { Article } from '../content/types.js';
import { paginate } from '../site/paginate.js';
import type { ArticleListing, Pagination, SiteModel } from '../site/types.js';
import type { Renderer } from './environment.js';
import { renderHtmlPage } from './html-page.js';
import type { Page } from './page.js';

/** Render every page of a paginated listing with `template`; `data` is passed to each page. */
export function* renderListingPages(
  listing: ArticleListing,
  template: string,
  model: SiteModel,
  renderer: Renderer,
  data: Readonly<Record<string, unknown>> = {},
): Generator<Page> {
  const pages = paginate<Article>(listing.articles, model.config.pageSize, listing.url, model.config.paginationPath);
  for (const pagination of pages) yield renderListingPage(listing, pagination, template, model, renderer, data);
}

/** Render one page of a listing; the dev server calls this alone for the pages an edit changed. */
export function renderListingPage(
  listing: ArticleListing,
  pagination: Pagination<Article>,
  template: string,
  model: SiteModel,
  renderer: Renderer,
  data: Readonly<Record<string, unknown>> = {},
): Page {
  return renderHtmlPage(model, renderer, template, pagination.url, { ...data, listing, pagination }, pagination);
}

/** The home page and its following pages (`/`, `/page/2/`, ...): every article, newest first. */
export function* renderIndexPages(model: SiteModel, renderer: Renderer): Generator<Page> {
  const listing: ArticleListing = { title: model.config.title, url: '/', articles: model.articles };
  yield* renderListingPages(listing, 'index.njk', model, renderer, { showSummary: true });
}

/** The pages of every column (`/columns/news/`, ...). */
export function* renderColumnPages(model: SiteModel, renderer: Renderer): Generator<Page> {
  for (const column of model.columns) {
    yield* renderListingPages(column, 'column.njk', model, renderer, { column, showSummary: true });
  }
}

/** The pages of every tag (`/tags/经济/`, ...). */
export function* renderTagPages(model: SiteModel, renderer: Renderer): Generator<Page> {
  for (const tag of model.tags) {
    yield* renderListingPages(tag, 'tag.njk', model, renderer, { tag, showSummary: false });
  }
}
