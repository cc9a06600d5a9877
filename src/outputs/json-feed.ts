import type { FeedItemView, FeedView } from './feed-view.js';

/** A feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function renderJsonFeed(feed: FeedView): string {
  const json = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.publisher }],
    items: feed.items.map(jsonItem),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function jsonItem(item: FeedItemView): Record<string, unknown> {
  return {
    id: item.url,
    url: item.url,
    title: item.title,
    summary: item.summary,
    // JSON Feed requires content_html or content_text in every item.
    ...(item.contentHtml === undefined ? { content_text: item.summary } : { content_html: item.contentHtml }),
    date_published: item.published.iso,
    date_modified: item.updated.iso,
    ...(item.author !== undefined && { authors: [{ name: item.author }] }),
    ...(item.tags.length > 0 && { tags: item.tags }),
    ...(item.image !== undefined && { image: item.image }),
  };
}
