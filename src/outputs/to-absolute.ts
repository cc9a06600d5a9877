/**
 * An absolute URL for a cover or logo given as a site path (`/images/封面.jpg`, kept under the path
 * of `baseUrl`), a relative path, or a full URL. Non-ASCII is percent-encoded once; `%E5` stays.
 */
export function toAbsolute(baseUrl: string, pathOrUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (pathOrUrl.startsWith('/') && !pathOrUrl.startsWith('//')) return new URL(`${base}${pathOrUrl}`).href;
  return new URL(pathOrUrl, `${base}/`).href;
}
