import type { Page } from '../render/page.js';
import type { SiteModel } from '../site/types.js';
import { renderFeedPages } from './feeds.js';
import { renderNewsSitemap } from './news-sitemap.js';
import { renderRobots } from './robots.js';
import { renderSitemapPages } from './sitemap.js';

export { renderFeedPages } from './feeds.js';
export { buildFeedView, absoluteLinks } from './feed-view.js';
export { toAbsolute } from './to-absolute.js';
export type { FeedView, FeedItemView, FeedSource } from './feed-view.js';
export { feedUrlsOf } from './feed-urls.js';
export type { FeedUrls } from './feed-urls.js';
export { renderRss } from './rss.js';
export { renderAtom } from './atom.js';
export { renderJsonFeed } from './json-feed.js';
export { rfc822Date } from './rfc822-date.js';
export { renderSitemapPages, defaultSitemapOptions } from './sitemap.js';
export type { SitemapOptions } from './sitemap.js';
export { sitemapEntries } from './sitemap-entries.js';
export type { SitemapEntry } from './sitemap-entries.js';
export { renderNewsSitemap, recentArticles, newsLanguage } from './news-sitemap.js';
export { renderRobots } from './robots.js';
export { newsArticleJsonLd, scriptJson } from './json-ld.js';
export { articleHead } from './article-head.js';
export type { ArticleHeadView } from './article-head.js';

/** Every non-HTML output of the site: feeds, sitemaps, the news sitemap and robots.txt. */
export function* renderOutputPages(model: SiteModel): Generator<Page> {
  yield* renderFeedPages(model);
  yield* renderSitemapPages(model);
  yield renderNewsSitemap(model);
  yield renderRobots(model);
}
