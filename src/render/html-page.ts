import type { SiteModel } from '../site/types.js';
import { urlToOutputPath } from '../site/urls.js';
import type { Renderer } from './environment.js';
import { mirrorLinks, mirrorSettings, type MirrorLinks } from './mirror.js';
import type { Page } from './page.js';
import { absoluteUrl, siteView } from './site-view.js';

/** What the layout needs to know about the page itself, beside the page's own data. */
export interface PageMeta {
  readonly url: string;
  /** Absolute URL for `<link rel="canonical">`. */
  readonly canonicalUrl: string;
  readonly previousUrl?: string;
  readonly nextUrl?: string;
  /** `hreflang` alternates and the 简/繁 link, when the site has a mirror in the other script. */
  readonly mirror?: MirrorLinks;
}

/** Links to the previous and next page of a listing, for `<link rel="prev|next">`. */
export interface PageLinks {
  readonly previousUrl?: string | undefined;
  readonly nextUrl?: string | undefined;
}

/** Everything a page template sees: the page's own data, the site view and the page meta. */
export function htmlPageContext(model: SiteModel, url: string, data: Readonly<Record<string, unknown>>, links: PageLinks = {}): Record<string, unknown> {
  const mirror = mirrorSettings(model.config);
  const page: PageMeta = {
    url,
    canonicalUrl: absoluteUrl(model.config, url),
    ...(links.previousUrl === undefined ? {} : { previousUrl: links.previousUrl }),
    ...(links.nextUrl === undefined ? {} : { nextUrl: links.nextUrl }),
    ...(mirror === undefined ? {} : { mirror: mirrorLinks(mirror, url) }),
  };
  return { ...data, site: siteView(model), page };
}

/** An HTML page at `url` with the given contents, as the writer takes it. */
export function htmlPage(url: string, contents: string, template: string): Page {
  return { url, outputPath: urlToOutputPath(url), contents, contentType: 'text/html; charset=utf-8', origin: `templates/${template}` };
}

/** Render one HTML page from a theme template with the site view and the page's own data. */
export function renderHtmlPage(
  model: SiteModel,
  renderer: Renderer,
  template: string,
  url: string,
  data: Readonly<Record<string, unknown>>,
  links: PageLinks = {},
): Page {
  return htmlPage(url, renderer.render(template, htmlPageContext(model, url, data, links)), template);
}
