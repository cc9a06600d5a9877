import { createHash } from 'node:crypto';
import type { Article } from '../content/types.js';
import type { Page } from '../render/page.js';
import type { SiteModel } from '../site/types.js';
import { PostingBatch } from './posting-batch.js';
import { fileSegmentStore, memorySegmentStore, type SegmentStore } from './segment-store.js';

/** Files of the previous build that may be linked instead of written again (the build's page reuse). */
export interface SearchIndexReuse {
  /** The previous file for `url` when it was written from the same fingerprint and is unchanged, else undefined. */
  reusableFile(url: string, fingerprint: string): string | undefined;
  /** What decides an article entirely (its content-cache key), or undefined when unknown. */
  identity(article: Article): string | undefined;
}

/** Options of `writeSearchIndex`. */
export interface SearchIndexOptions {
  /** Shard files; by default from the number of articles (`shardCountFor`). */
  readonly shardCount?: number;
  /** Articles whose postings are held in memory at once before they are encoded (and spilled). */
  readonly batchSize: number;
  readonly reuse?: SearchIndexReuse;
}

/** Batches of 2,000 articles keep the index's working memory near 60 MB at any site size. */
export const defaultSearchIndexOptions = { batchSize: 2000 } satisfies SearchIndexOptions;

/** Where the index lives in the site; the search page's script reads the same paths. */
export const searchIndexPath = '/search-index/';

/** Writes one page, or links `linkFrom` (a previous build's file) in its place. */
export type SearchIndexEmit = (page: Page, linkFrom?: string) => Promise<void>;

/** What the index holds, for the build summary and the benchmark. */
export interface SearchIndexStats {
  readonly documents: number;
  readonly shards: number;
  /** Bytes of the shards and document files written (linked ones are not counted). */
  readonly shardBytes: number;
  readonly documentBytes: number;
  /** Files linked from the previous build. */
  readonly linked: number;
}

/** About one shard per 4 articles, a power of two from 16 to 16,384: a query's shards stay a few tens of kB. */
export function shardCountFor(articles: number): number {
  let count = 16;
  while (count < 16384 && count * 4 < articles) count *= 2;
  return count;
}

const format = 1;

/**
 * Build the site search index from the model (no page HTML): `meta.json`, one binary shard of
 * postings per hash bucket of tokens (`s/<n>.bin`) and one file per article (`d/<id>.txt`: a JSON
 * line of title, URL, date and column, then the text). When every article is what the previous
 * build indexed, its files are linked instead, and each unchanged article's file in any case.
 */
export async function writeSearchIndex(model: SiteModel, emit: SearchIndexEmit, options: SearchIndexOptions = defaultSearchIndexOptions): Promise<SearchIndexStats> {
  const shards = options.shardCount ?? shardCountFor(model.articles.length);
  const keys = reuseKeys(model.articles, shards, options.reuse);
  const state = { documentBytes: 0, shardBytes: 0, linked: 0 };
  // Asked for every file (no short cut): each one's fingerprint is recorded for the next build.
  const previousIndex = keys ? indexFiles(shards).map((url) => [url, options.reuse?.reusableFile(url, keys.index)] as const) : [];
  const linkIndex = previousIndex.length > 0 && previousIndex.every(([, file]) => file !== undefined);
  const documents = async (id: number, article: Article, text: () => string) => {
    const url = `${searchIndexPath}d/${id}.txt`;
    const previous = keys && options.reuse?.reusableFile(url, keys.documents[id] ?? '');
    if (previous !== undefined) {
      state.linked++;
      return emit(pageAt(url, new Uint8Array(0), 'text/plain; charset=utf-8'), previous);
    }
    const page = documentPage(url, article, text(), model);
    state.documentBytes += page.contents.length;
    return emit(page);
  };
  if (linkIndex) {
    for (const [id, article] of model.articles.entries()) await documents(id, article, () => article.text);
    for (const [url, file] of previousIndex) await emit(pageAt(url, new Uint8Array(0), 'application/octet-stream'), file);
    return { documents: model.articles.length, shards, ...state, linked: state.linked + shards + 1 };
  }
  state.shardBytes = await writeShards(model.articles, shards, emit, options.batchSize, documents);
  await emit(pageAt(`${searchIndexPath}meta.json`, JSON.stringify({ format, shards, documents: model.articles.length }), 'application/json'));
  return { documents: model.articles.length, shards, ...state };
}

/** Index every article a batch at a time (its document file goes out on the way), then write each shard. */
async function writeShards(articles: readonly Article[], shards: number, emit: SearchIndexEmit, batchSize: number, documents: (id: number, article: Article, text: () => string) => Promise<void>): Promise<number> {
  const store: SegmentStore = articles.length > batchSize ? fileSegmentStore() : memorySegmentStore();
  try {
    const batch = new PostingBatch();
    for (let id = 0; id < articles.length; id++) {
      const article = articles[id] as Article;
      const text = article.text;
      batch.add(id, article.title, text);
      await documents(id, article, () => text);
      if ((id + 1) % batchSize === 0) store.put(batch.encode(shards));
    }
    if (!batch.empty) store.put(batch.encode(shards));
    let bytes = 0;
    for (let s = 0; s < shards; s++) {
      const contents = store.shard(s);
      bytes += contents.length;
      await emit(pageAt(`${searchIndexPath}s/${s}.bin`, contents, 'application/octet-stream'));
    }
    return bytes;
  } finally {
    store.close();
  }
}

/** The fingerprints of the index files and of each article's file, when every article's identity is known. */
function reuseKeys(articles: readonly Article[], shards: number, reuse: SearchIndexReuse | undefined): { index: string; documents: string[] } | undefined {
  if (!reuse) return undefined;
  const documents: string[] = [];
  const hash = createHash('sha256').update(`search-index ${format} ${shards}\n`);
  for (const [id, article] of articles.entries()) {
    const identity = reuse.identity(article);
    if (identity === undefined) return undefined;
    documents.push(`search-document ${format} ${id} ${identity}`);
    hash.update(`${identity}\n`);
  }
  return { index: hash.digest('hex'), documents };
}

function indexFiles(shards: number): string[] {
  return [...Array.from({ length: shards }, (_, s) => `${searchIndexPath}s/${s}.bin`), `${searchIndexPath}meta.json`];
}

/** A line of JSON (title, URL, date, column), then the text as it is: no escaping pass over the body. */
function documentPage(url: string, article: Article, text: string, model: SiteModel): Page & { contents: Buffer } {
  const date = article.date.iso.slice(0, 10);
  const column = model.config.columns.find((c) => c.key === article.column)?.name;
  const head = JSON.stringify({ title: article.title, url: article.url, date, ...(column !== undefined && { column }) });
  return pageAt(url, Buffer.from(`${head}\n${text}`, 'utf8'), 'text/plain; charset=utf-8');
}

function pageAt<T extends string | Uint8Array>(url: string, contents: T, contentType: string): Page & { contents: T } {
  return { url, outputPath: url.slice(1), contents, contentType, origin: 'search index' };
}
