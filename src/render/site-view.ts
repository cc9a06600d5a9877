import type { FriendlyLinkEntry, SiteConfig } from '../config/schema.js';
import type { ZonedDate } from '../content/types.js';
import { feedUrlsOf } from '../outputs/feed-urls.js';
import type { SiteModel } from '../site/types.js';
import { urlToHref } from '../site/urls.js';

/** A link the templates print as `<a href>`. */
export interface LinkView {
  readonly name: string;
  readonly url: string;
}

/** One line of the site footer; `url` only for the registrations that link to a registry. */
export interface FooterItemView {
  readonly label: string;
  readonly text: string;
  readonly url?: string;
}

/** What every page shows about the site: header, nav, friendly links, footer. */
export interface SiteView {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly timezone: string;
  readonly baseUrl: string;
  /** Build time: the header's date when the reader's browser runs no script. */
  readonly now: ZonedDate;
  readonly columns: readonly LinkView[];
  /** Links not in a group, then the titled groups. */
  readonly friendlyLinks: readonly LinkView[];
  readonly friendlyLinkGroups: readonly { readonly group: string; readonly links: readonly LinkView[] }[];
  readonly footer: readonly FooterItemView[];
  readonly includesDrafts: boolean;
  /** Whether the site has a search page at `/search/`. */
  readonly search: boolean;
  /** The site's feeds, for `<link rel="alternate">` in every page head. */
  readonly feeds: readonly FeedLinkView[];
}

/** A feed as a page head links it. */
export interface FeedLinkView {
  readonly title: string;
  readonly type: string;
  readonly url: string;
}

const views = new WeakMap<SiteModel, SiteView>();

/** The site view of a model, built once per model however many pages are rendered. */
export function siteView(model: SiteModel): SiteView {
  let view = views.get(model);
  if (view === undefined) {
    view = buildSiteView(model);
    views.set(model, view);
  }
  return view;
}

/** The absolute URL of a site-relative URL, for `<link rel="canonical">` and feeds. */
export function absoluteUrl(config: SiteConfig, url: string): string {
  return `${config.baseUrl.replace(/\/+$/, '')}${urlToHref(url)}`;
}

function buildSiteView(model: SiteModel): SiteView {
  const { config } = model;
  return {
    title: config.title,
    description: config.description,
    language: config.language,
    timezone: config.timezone,
    baseUrl: config.baseUrl,
    now: model.now,
    columns: model.columns.map((c) => ({ name: c.config.name, url: c.url })),
    friendlyLinks: config.friendlyLinks.filter((e): e is LinkView => !isGroup(e)),
    friendlyLinkGroups: config.friendlyLinks.filter(isGroup),
    footer: footerItems(config.footer),
    includesDrafts: model.includesDrafts,
    feeds: feedLinks(config.title, '/'),
    search: config.search === true,
  };
}

/** The RSS, Atom and JSON feeds of a listing, titled for a feed reader's list. */
export function feedLinks(title: string, listingUrl: string): FeedLinkView[] {
  const urls = feedUrlsOf(listingUrl);
  return [
    { title: `${title} (RSS)`, type: 'application/rss+xml', url: urls.rss },
    { title: `${title} (Atom)`, type: 'application/atom+xml', url: urls.atom },
    { title: `${title} (JSON Feed)`, type: 'application/feed+json', url: urls.json },
  ];
}

function isGroup(entry: FriendlyLinkEntry): entry is Extract<FriendlyLinkEntry, { group: string }> {
  return 'group' in entry;
}

function footerItems(footer: SiteConfig['footer']): FooterItemView[] {
  const items: (FooterItemView | undefined)[] = [
    footer.sponsor === undefined ? undefined : { label: '主办单位', text: footer.sponsor },
    footer.organizer === undefined ? undefined : { label: '承办单位', text: footer.organizer },
    footer.contact === undefined ? undefined : { label: '联系方式', text: footer.contact },
    footer.address === undefined ? undefined : { label: '地址', text: footer.address },
    footer.icp === undefined ? undefined : { label: 'ICP备案号', text: footer.icp, url: 'https://beian.miit.gov.cn/' },
    footer.publicSecurity === undefined
      ? undefined
      : { label: '公安备案号', text: footer.publicSecurity, url: publicSecurityUrl(footer.publicSecurity) },
    footer.siteCode === undefined ? undefined : { label: '网站标识码', text: footer.siteCode },
  ];
  return items.filter((i): i is FooterItemView => i !== undefined);
}

// The registry looks a site up by the digits of its number (`京公网安备 11010502030143号`);
// NFKC first, because full-width digits are common in what editors type.
function publicSecurityUrl(registration: string): string {
  const digits = registration.normalize('NFKC').replace(/\D/g, '');
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${digits}`;
}
