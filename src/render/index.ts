/** The render stage: SiteModel -> Pages through the theme's Nunjucks templates. */
export { createRenderer } from './environment.js';
export type { Renderer, RendererOptions } from './environment.js';
export { renderSite, renderModelPages, renderAssetPages } from './render-site.js';
export { renderArticlePage } from './article-page.js';
export { modelPageUnits } from './model-page-units.js';
export type { ModelPageUnit } from './model-page-units.js';
export { renderIndexPages, renderColumnPages, renderTagPages, renderListingPages } from './listing-pages.js';
export { renderArchivePages } from './archive-pages.js';
export { dateFilters, chineseDate, chineseWeekday, chineseDateTime, isoDateTime, ymd, hhmm } from './filters.js';
export { siteView, absoluteUrl } from './site-view.js';
export type { SiteView, LinkView, FooterItemView } from './site-view.js';
export type { Page } from './page.js';
export { defaultThemeDir, themeDirsFor } from './theme-dir.js';
