import { errorDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PageLink, ScannedPage } from './page-scan.js';

/** What a URL in a page points at. */
export type LinkTarget =
  | { readonly kind: 'internal'; readonly path: string }
  | { readonly kind: 'external'; readonly url: string }
  | { readonly kind: 'other' };

/** The files of the built site, by path inside dist/ (forward slashes). */
export interface DistIndex {
  has(outputPath: string): boolean;
}

// Schemes that name no file to check: mail, phone, scripts, inline data.
const otherScheme = /^(mailto|tel|sms|javascript|data|blob|about):/i;

/**
 * Classify a URL found on the page at `pageUrl`: a path inside dist/ for links to this site
 * (relative, root-relative or absolute on the site's own host), the URL for other hosts.
 */
export function resolveLink(href: string, pageUrl: string, baseUrl: string): LinkTarget {
  if (href.startsWith('#') || otherScheme.test(href)) return { kind: 'other' };
  const site = new URL(baseUrl);
  let url: URL;
  try {
    url = new URL(href, new URL(pageUrl, site));
  } catch {
    return { kind: 'internal', path: href };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'other' };
  if (url.host !== site.host) return { kind: 'external', url: url.href };
  const basePath = site.pathname.endsWith('/') ? site.pathname : `${site.pathname}/`;
  if (!url.pathname.startsWith(basePath)) return { kind: 'external', url: url.href };
  return { kind: 'internal', path: safeDecode(url.pathname.slice(basePath.length)) };
}

/** The dist/ file a site path is served from: `a/` -> `a/index.html`; `a` -> `a` or `a/index.html`. */
export function servedFile(sitePath: string, dist: DistIndex): string | undefined {
  if (sitePath === '' || sitePath.endsWith('/')) {
    const index = `${sitePath}index.html`;
    return dist.has(index) ? index : undefined;
  }
  if (dist.has(sitePath)) return sitePath;
  return dist.has(`${sitePath}/index.html`) ? `${sitePath}/index.html` : undefined;
}

/** The site URL of a page in dist/: `a/b/index.html` -> `/a/b/`. */
export function pageUrlOf(outputPath: string): string {
  return `/${outputPath.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** A broken internal link or asset reference on one page. */
export function brokenLinkDiagnostic(page: ScannedPage, link: PageLink, distDisplay: string): Diagnostic {
  const what = link.tag === 'a' || link.tag === 'area' ? 'link' : `${link.tag} ${link.attribute}`;
  return errorDiagnostic({
    file: `${distDisplay}/${page.outputPath}`,
    line: link.line,
    column: link.column,
    code: 'audit/broken-link',
    message: `${what} ${JSON.stringify(link.url)} points to no file in ${distDisplay}/`,
    note: 'fix the URL in the article or template, or add the file to public/',
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
