import type { Pagination } from './types.js';

/**
 * Split a listing into pages: page 1 at `baseUrl`, page k at `baseUrl` + `paginationPath` with `:n`
 * replaced by k. An empty listing still has one (empty) page, so its URL exists.
 */
export function paginate<T>(
  items: readonly T[],
  pageSize: number,
  baseUrl: string,
  paginationPath: string,
): Pagination<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new Error(`Internal error: page size must be a positive integer, got ${pageSize}`);
  }
  if (!paginationPath.includes(':n')) {
    throw new Error(`Internal error: pagination path "${paginationPath}" has no :n`);
  }
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  const urlOf = (k: number): string => pageUrl(baseUrl, paginationPath, k);
  const pages: Pagination<T>[] = [];
  for (let k = 1; k <= totalPages; k++) {
    pages.push({
      items: items.slice((k - 1) * pageSize, k * pageSize),
      pageNumber: k,
      totalPages,
      url: urlOf(k),
      ...(k > 1 ? { previousUrl: urlOf(k - 1) } : {}),
      ...(k < totalPages ? { nextUrl: urlOf(k + 1) } : {}),
      firstUrl: urlOf(1),
      lastUrl: urlOf(totalPages),
    });
  }
  return pages;
}

/** The URL of page `k` of a listing at `baseUrl` (page 1 is `baseUrl` itself). */
export function pageUrl(baseUrl: string, paginationPath: string, k: number): string {
  if (k === 1) return baseUrl;
  const path = paginationPath.replaceAll(':n', String(k));
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
