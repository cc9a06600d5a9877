import type { FeedItemView, FeedView } from './feed-view.js';
import { buildXml, type XmlElement } from './xml.js';

/** A feed as Atom 1.0 (RFC 4287): dates in RFC 3339 with the site offset. */
export function renderAtom(feed: FeedView): string {
  return buildXml({
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': feed.language,
      id: feed.urls.atom,
      title: feed.title,
      subtitle: feed.description,
      updated: feed.updated.iso,
      link: [
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': feed.homeUrl },
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': feed.urls.atom },
      ],
      author: { name: feed.publisher },
      generator: 'Broadsheet',
      entry: feed.items.map(atomEntry),
    },
  });
}

function atomEntry(item: FeedItemView): XmlElement {
  return {
    id: item.url,
    title: item.title,
    link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': item.url },
    published: item.published.iso,
    updated: item.updated.iso,
    author: item.author === undefined ? undefined : { name: item.author },
    category: item.tags.map((tag) => ({ '@_term': tag })),
    summary: { '@_type': 'text', '#text': item.summary },
    content: item.contentHtml === undefined ? undefined : { '@_type': 'html', '#text': item.contentHtml },
  };
}
