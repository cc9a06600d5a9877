import type { SiteModel } from '../site/types.js';
import type { Renderer } from './environment.js';
import { renderHtmlPage } from './html-page.js';
import { renderListingPages } from './listing-pages.js';
import type { Page } from './page.js';

/** The archive: an index of years and months at `/archive/`, then each year's and month's pages. */
export function* renderArchivePages(model: SiteModel, renderer: Renderer): Generator<Page> {
  yield renderHtmlPage(model, renderer, 'archive-index.njk', '/archive/', { years: model.years });
  for (const year of model.years) {
    yield* renderListingPages(year, 'archive.njk', model, renderer, { year, showSummary: false });
    for (const month of year.months) {
      yield* renderListingPages(month, 'archive.njk', model, renderer, { year, month, showSummary: false });
    }
  }
}
