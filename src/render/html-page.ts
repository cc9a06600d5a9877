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

/** Render one HTML page from a theme template with the site view and the page's own data. */
export function renderHtmlPage(
  model: SiteModel,
  renderer: Renderer,
  template: string,
  url: string,
  data: Readonly<Record<string, unknown>>,
  links: { readonly previousUrl?: string | undefined; readonly nextUrl?: string | undefined } = {},
): Page {
  const mirror = mirrorSettings(model.config);
  const page: PageMeta = {
    url,
    canonicalUrl: absoluteUrl(model.config, url),
    ...(links.previousUrl === undefined ? {} : { previousUrl: links.previousUrl }),
    ...(links.nextUrl === undefined ? {} : { nextUrl: links.nextUrl }),
    ...(mirror === undefined ? {} : { mirror: mirrorLinks(mirror, url) }),
  };
  return {
    url,
    outputPath: urlToOutputPath(url),
    contents: renderer.render(template, { ...data, site: siteView(model), page }),
    contentType: 'text/html; charset=utf-8',
    origin: `templates/${template}`,
  };
}
