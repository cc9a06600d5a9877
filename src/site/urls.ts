/** The path inside dist/ of a site-relative URL: `/a/b/` -> `a/b/index.html`, `/feed.xml` -> `feed.xml`. */
export function urlToOutputPath(url: string): string {
  if (!url.startsWith('/')) throw new Error(`Internal error: URL without a leading slash: "${url}"`);
  const segments = url.slice(1).split('/');
  // A URL is built from titles and tags: refuse anything that would write outside dist/.
  if (segments.some((s) => s === '.' || s === '..' || s.includes('\\'))) {
    throw new Error(`Internal error: URL would leave the output folder: "${url}"`);
  }
  return url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
}

/** A site-relative URL as an href: each segment percent-encoded, slashes kept (`/tags/经济/` -> `/tags/%E7%BB%8F%E6%B5%8E/`). */
export function urlToHref(url: string): string {
  return url.split('/').map(encodeURIComponent).join('/');
}
