import type { Article } from '../content/types.js';
import type { Page } from '../render/page.js';
import type { SiteModel } from '../site/types.js';
import { PostingBatch } from './posting-batch.js';
import { fileSegmentStore, memorySegmentStore, type SegmentStore } from './segment-store.js';

/** Options of `writeSearchIndex`. */
export interface SearchIndexOptions {
  /** Shard files; by default from the number of articles (`shardCountFor`). */
  readonly shardCount?: number;
  /** Articles whose postings are held in memory at once before they are encoded (and spilled). */
  readonly batchSize: number;
}

/** Batches of 2,000 articles keep the index's working memory near 60 MB at any site size. */
export const defaultSearchIndexOptions = { batchSize: 2000 } satisfies SearchIndexOptions;

/** Where the index lives in the site; the search page's script reads the same paths. */
export const searchIndexPath = '/search-index/';

/** What the index holds, for the build summary and the benchmark. */
export interface SearchIndexStats {
  readonly documents: number;
  readonly shards: number;
  readonly shardBytes: number;
  readonly documentBytes: number;
}

/** About one shard per 4 articles, a power of two from 256 to 4,096: a query's shards stay a few tens of kB. */
export function shardCountFor(articles: number): number {
  let count = 256;
  while (count < 4096 && count * 4 < articles) count *= 2;
  return count;
}

/**
 * Build the site search index from the model (no page HTML): `meta.json`, one binary shard of
 * postings per hash bucket of tokens (`s/<n>.bin`) and one file per article (`d/<id>.txt`: a JSON
 * line of title, URL, date and column, then the text) that the search page fetches only for the results it shows.
 */
export async function writeSearchIndex(model: SiteModel, emit: (page: Page) => Promise<void>, options: SearchIndexOptions = defaultSearchIndexOptions): Promise<SearchIndexStats> {
  const articles = model.articles;
  const shards = options.shardCount ?? shardCountFor(articles.length);
  const columns = new Map(model.config.columns.map((c) => [c.key, c.name]));
  const store: SegmentStore = articles.length > options.batchSize ? fileSegmentStore() : memorySegmentStore();
  try {
    const batch = new PostingBatch();
    let documentBytes = 0;
    for (let id = 0; id < articles.length; id++) {
      const article = articles[id] as Article;
      const text = article.text;
      batch.add(id, article.title, text);
      const doc = documentPage(id, article, text, columns);
      documentBytes += doc.contents.length;
      await emit(doc);
      if ((id + 1) % options.batchSize === 0) store.put(batch.encode(shards));
    }
    if (!batch.empty) store.put(batch.encode(shards));
    let shardBytes = 0;
    for (let s = 0; s < shards; s++) {
      const contents = store.shard(s);
      shardBytes += contents.length;
      await emit(indexPage(`s/${s}.bin`, contents, 'application/octet-stream'));
    }
    await emit(indexPage('meta.json', JSON.stringify({ format: 1, shards, documents: articles.length }), 'application/json'));
    return { documents: articles.length, shards, shardBytes, documentBytes };
  } finally {
    store.close();
  }
}

/** A line of JSON (title, URL, date, column), then the text as it is: no escaping pass over the body. */
function documentPage(id: number, article: Article, text: string, columns: ReadonlyMap<string, string>): Page & { contents: Buffer } {
  const date = article.date.iso.slice(0, 10);
  const column = article.column === undefined ? undefined : columns.get(article.column);
  const head = JSON.stringify({ title: article.title, url: article.url, date, ...(column !== undefined && { column }) });
  return indexPage(`d/${id}.txt`, Buffer.from(`${head}\n${text}`, 'utf8'), 'text/plain; charset=utf-8');
}

function indexPage<T extends string | Uint8Array>(name: string, contents: T, contentType: string): Page & { contents: T } {
  const url = searchIndexPath + name;
  return { url, outputPath: url.slice(1), contents, contentType, origin: 'search index' };
}
