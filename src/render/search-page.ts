import type { SiteModel } from '../site/types.js';
import type { Renderer } from './environment.js';
import { renderHtmlPage } from './html-page.js';
import type { Page } from './page.js';

/** The search page (`/search/`): a form that works everywhere, results drawn by `assets/search.js` over the site's own sharded index (`/search-index/`). */
export function renderSearchPage(model: SiteModel, renderer: Renderer): Page {
  return renderHtmlPage(model, renderer, 'search.njk', '/search/', {});
}
