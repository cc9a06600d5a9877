import type { Page } from '../render/page.js';
import { absoluteUrl } from '../render/site-view.js';
import type { SiteModel } from '../site/types.js';
import { outputPage } from './output-page.js';
import { sitemapEntries, type SitemapEntry } from './sitemap-entries.js';
import { buildXml } from './xml.js';

/** Options of `renderSitemapPages`. */
export interface SitemapOptions {
  /** The sitemaps protocol allows 50,000 URLs in one file; above that, an index of numbered files. */
  readonly maxUrlsPerFile: number;
}

/** The defaults: the protocol's limit. */
export const defaultSitemapOptions = { maxUrlsPerFile: 50_000 } satisfies SitemapOptions;

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XML_TYPE = 'application/xml; charset=utf-8';

/** `/sitemap.xml` with every page; above the limit, a sitemap index of `/sitemaps/sitemap-N.xml`. */
export function* renderSitemapPages(model: SiteModel, options: SitemapOptions = defaultSitemapOptions): Generator<Page> {
  const entries = sitemapEntries(model);
  if (entries.length <= options.maxUrlsPerFile) {
    yield outputPage('/sitemap.xml', renderUrlset(entries), XML_TYPE, 'sitemap');
    return;
  }
  const sitemaps: { loc: string; lastmod: string | undefined }[] = [];
  for (let start = 0; start < entries.length; start += options.maxUrlsPerFile) {
    const url = `/sitemaps/sitemap-${sitemaps.length + 1}.xml`;
    const part = entries.slice(start, start + options.maxUrlsPerFile);
    sitemaps.push({ loc: absoluteUrl(model.config, url), lastmod: newestLastmod(part) });
    yield outputPage(url, renderUrlset(part), XML_TYPE, 'sitemap');
  }
  yield outputPage('/sitemap.xml', buildXml({ sitemapindex: { '@_xmlns': SITEMAP_NS, sitemap: sitemaps } }), XML_TYPE, 'sitemap');
}

function renderUrlset(entries: readonly SitemapEntry[]): string {
  return buildXml({ urlset: { '@_xmlns': SITEMAP_NS, url: entries.map((e) => ({ loc: e.loc, lastmod: e.lastmod })) } });
}

// Compare instants, not text: in a zone with daylight saving the offsets differ.
function newestLastmod(entries: readonly SitemapEntry[]): string | undefined {
  let best: string | undefined;
  for (const e of entries) {
    if (e.lastmod !== undefined && (best === undefined || Date.parse(e.lastmod) > Date.parse(best))) best = e.lastmod;
  }
  return best;
}
