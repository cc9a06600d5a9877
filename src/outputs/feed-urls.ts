/** Site-relative URLs of one listing's feeds in the three formats. */
export interface FeedUrls {
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
}

/** The feed URLs of a listing: `/` -> `/feed.xml`, `/atom.xml`, `/feed.json`; `/columns/news/` -> `/columns/news/feed.xml`, ... */
export function feedUrlsOf(listingUrl: string): FeedUrls {
  return { rss: `${listingUrl}feed.xml`, atom: `${listingUrl}atom.xml`, json: `${listingUrl}feed.json` };
}
