import type { FeedItemView, FeedView } from './feed-view.js';
import { rfc822Date } from './rfc822-date.js';
import { buildXml, type XmlElement } from './xml.js';

/** A feed as RSS 2.0, with `content:encoded` for full text and `atom:link rel="self"`. */
export function renderRss(feed: FeedView): string {
  return buildXml({
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      channel: {
        title: feed.title,
        link: feed.homeUrl,
        description: feed.description,
        language: feed.language,
        lastBuildDate: rfc822Date(feed.updated),
        generator: 'Broadsheet',
        'atom:link': { '@_href': feed.urls.rss, '@_rel': 'self', '@_type': 'application/rss+xml' },
        item: feed.items.map(rssItem),
      },
    },
  });
}

function rssItem(item: FeedItemView): XmlElement {
  return {
    title: item.title,
    link: item.url,
    guid: { '@_isPermaLink': 'true', '#text': item.url },
    pubDate: rfc822Date(item.published),
    description: item.summary,
    'content:encoded': item.contentHtml,
    'dc:creator': item.author,
    category: item.tags,
    enclosure: item.image === undefined ? undefined : { '@_url': item.image, '@_type': imageType(item.image), '@_length': '0' },
  };
}

// RSS requires a type on an enclosure; the cover's extension is all we know without reading it.
function imageType(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  const types: Readonly<Record<string, string>> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml' };
  return (ext !== undefined ? types[ext] : undefined) ?? 'application/octet-stream';
}
