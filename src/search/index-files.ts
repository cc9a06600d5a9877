import { createHash } from 'node:crypto';
import type { Article } from '../content/types.js';
import type { Page } from '../render/page.js';
import type { SiteModel } from '../site/types.js';

/** Where the index lives in the site; the search page's script reads the same paths. */
export const searchIndexPath = '/search-index/';

/** The index format, in `meta.json` and in every fingerprint of its files (2: documents numbered oldest first). */
export const indexFormat = 2;

export function shardUrl(shard: number): string {
  return `${searchIndexPath}s/${shard}.bin`;
}

export function documentUrl(id: number): string {
  return `${searchIndexPath}d/${id}.txt`;
}

/** The fingerprint of an article's document file: its id and its article's identity (content-cache key). */
export function documentKey(id: number, identity: string): string {
  return `search-document ${indexFormat} ${id} ${identity}`;
}

/** The article identity a document key names, when it is the key of document `id` in this format. */
export function identityIn(key: string, id: number): string | undefined {
  const prefix = `search-document ${indexFormat} ${id} `;
  return key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
}

/** The fingerprint of a whole index: the format, its shard count and batch size, and every document's identity in id order. */
export function indexKey(shards: number, batchSize: number, identities: readonly string[]): string {
  const hash = createHash('sha256').update(`search-index ${indexFormat} ${shards} ${batchSize}\n`);
  for (const identity of identities) hash.update(`${identity}\n`);
  return hash.digest('hex');
}

/** An article's document file: a line of JSON (title, URL, date, column), then the text as it is (no escaping pass over the body). */
export function documentPage(url: string, article: Article, text: string, model: SiteModel): Page & { contents: Buffer } {
  const date = article.date.iso.slice(0, 10);
  const column = model.config.columns.find((c) => c.key === article.column)?.name;
  const head = JSON.stringify({ title: article.title, url: article.url, date, ...(column !== undefined && { column }) });
  return pageAt(url, Buffer.from(`${head}\n${text}`, 'utf8'), 'text/plain; charset=utf-8');
}

/** The title and text a document file was written from; undefined when it is not one. */
export function documentFrom(contents: string): { readonly title: string; readonly text: string } | undefined {
  const end = contents.indexOf('\n');
  if (end < 0) return undefined;
  try {
    const { title } = JSON.parse(contents.slice(0, end)) as { title?: unknown };
    return typeof title === 'string' ? { title, text: contents.slice(end + 1) } : undefined;
  } catch {
    return undefined;
  }
}

export function pageAt<T extends string | Uint8Array>(url: string, contents: T, contentType: string): Page & { contents: T } {
  return { url, outputPath: url.slice(1), contents, contentType, origin: 'search index' };
}
