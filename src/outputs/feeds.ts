import type { Page } from '../render/page.js';
import type { SiteModel } from '../site/types.js';
import { renderAtom } from './atom.js';
import { feedUrlsOf } from './feed-urls.js';
import { buildFeedView, type FeedSource } from './feed-view.js';
import { renderJsonFeed } from './json-feed.js';
import { outputPage } from './output-page.js';
import { renderRss } from './rss.js';

/** RSS, Atom and JSON Feed for the whole site (`/feed.xml`, ...) and for each column (`/columns/news/feed.xml`, ...). */
export function* renderFeedPages(model: SiteModel): Generator<Page> {
  for (const source of feedSources(model)) yield* feedPages(model, source);
}

/** What each feed is made from: the whole site's, then each column's. */
export function feedSources(model: SiteModel): FeedSource[] {
  const { config } = model;
  const sources: FeedSource[] = [{ title: config.title, description: config.description, url: '/', articles: model.articles }];
  for (const column of model.columns) {
    const title = `${column.config.name} - ${config.title}`;
    sources.push({ title, description: column.config.description ?? '', url: column.url, articles: column.articles });
  }
  return sources;
}

/** The RSS, Atom and JSON Feed of one source. */
export function* feedPages(model: SiteModel, source: FeedSource): Generator<Page> {
  const feed = buildFeedView(model, source);
  const urls = feedUrlsOf(source.url);
  const origin = `feeds of ${source.url}`;
  yield outputPage(urls.rss, renderRss(feed), 'application/rss+xml; charset=utf-8', origin);
  yield outputPage(urls.atom, renderAtom(feed), 'application/atom+xml; charset=utf-8', origin);
  yield outputPage(urls.json, renderJsonFeed(feed), 'application/feed+json; charset=utf-8', origin);
}
