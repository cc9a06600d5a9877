import type { Article } from '../content/types.js';
import type { Page } from '../render/page.js';
import type { SiteModel } from '../site/types.js';
import { documentKey, documentPage, documentUrl, indexFormat, indexKey, pageAt, searchIndexPath, shardUrl } from './index-files.js';
import { patchShards, planPatch, type IndexKeys, type PatchSource } from './index-patch.js';
import { PostingBatch } from './posting-batch.js';
import { fileSegmentStore, memorySegmentStore, type SegmentStore } from './segment-store.js';

export { searchIndexPath } from './index-files.js';

/** Files of the previous build that may be linked or patched instead of written again (the build's page reuse). */
export interface SearchIndexReuse extends PatchSource {
  /** The previous file for `url` when it was written from the same fingerprint and is unchanged, else undefined; this build's fingerprint is recorded either way. */
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

/**
 * Batches of 1,000 articles keep the index's working memory near 60 MB at any site size (2,000 took
 * 120 MB at 10,000 articles; shards grow by 1.5 % for the extra block per token and batch).
 */
export const defaultSearchIndexOptions = { batchSize: 1000 } satisfies SearchIndexOptions;

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

/**
 * Build the site search index from the model (no page HTML): `meta.json`, one binary shard of
 * postings per hash bucket of tokens (`s/<n>.bin`) and one file per article (`d/<id>.txt`: a JSON
 * line of title, URL, date and column, then the text). When every article is what the previous
 * build indexed, its files are linked instead, and each unchanged article's file in any case; when
 * a few articles were edited, published or withdrawn in place, the previous shards are patched
 * (`index-patch.ts`).
 */
export async function writeSearchIndex(model: SiteModel, emit: SearchIndexEmit, options: SearchIndexOptions = defaultSearchIndexOptions): Promise<SearchIndexStats> {
  // Document ids number the articles oldest first: a new article takes the next id, and every other article keeps its own.
  const articles = [...model.articles].reverse();
  const shards = options.shardCount ?? shardCountFor(articles.length);
  const { batchSize, reuse } = options;
  const keys = reuse && reuseKeys(articles, shards, batchSize, reuse);
  const state = { documentBytes: 0, shardBytes: 0, linked: 0 };
  // Asked for every file (no short cut): each one's fingerprint is recorded for the next build.
  const previousIndex = keys && reuse ? indexFiles(shards).map((url) => [url, reuse.reusableFile(url, keys.index)] as const) : [];
  const linkIndex = previousIndex.length > 0 && previousIndex.every(([, file]) => file !== undefined);
  const documents: DocumentEmit = async (id, article, text) => {
    const url = documentUrl(id);
    const identity = keys?.identities[id];
    const previous = identity === undefined ? undefined : reuse?.reusableFile(url, documentKey(id, identity));
    if (previous !== undefined) {
      state.linked++;
      return emit(pageAt(url, new Uint8Array(0), 'text/plain; charset=utf-8'), previous);
    }
    const page = documentPage(url, article, text(), model);
    state.documentBytes += page.contents.length;
    return emit(page);
  };
  // Planned before any document file is written: the patch reads the changed articles' old ones.
  const patch = !linkIndex && keys && reuse ? planPatch(articles, reuse, keys, shards, batchSize) : undefined;
  if (linkIndex || patch) {
    for (const [id, article] of articles.entries()) await documents(id, article, () => article.text);
  }
  if (linkIndex) {
    for (const [url, file] of previousIndex) await emit(pageAt(url, new Uint8Array(0), 'application/octet-stream'), file);
    return { documents: articles.length, shards, ...state, linked: state.linked + shards + 1 };
  }
  const written = patch ? await patchShards(patch, emit) : { bytes: await writeShards(articles, shards, emit, batchSize, documents), linked: 0 };
  state.shardBytes = written.bytes;
  state.linked += written.linked;
  await emit(pageAt(`${searchIndexPath}meta.json`, JSON.stringify({ format: indexFormat, shards, documents: articles.length }), 'application/json'));
  return { documents: articles.length, shards, ...state };
}

/** Emits an article's document file (linked when unchanged); `text` is read only when it is written. */
type DocumentEmit = (id: number, article: Article, text: () => string) => Promise<void>;

/** Index every article a batch at a time (its document file goes out on the way), then write each shard; the shards' bytes. */
async function writeShards(articles: readonly Article[], shards: number, emit: SearchIndexEmit, batchSize: number, documents: DocumentEmit): Promise<number> {
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
      await emit(pageAt(shardUrl(s), contents, 'application/octet-stream'));
    }
    return bytes;
  } finally {
    store.close();
  }
}

/** The index key and every document's identity, when every article's identity is known. */
function reuseKeys(articles: readonly Article[], shards: number, batchSize: number, reuse: SearchIndexReuse): IndexKeys | undefined {
  const identities: string[] = [];
  for (const article of articles) {
    const identity = reuse.identity(article);
    if (identity === undefined) return undefined;
    identities.push(identity);
  }
  return { index: indexKey(shards, batchSize, identities), identities };
}

function indexFiles(shards: number): string[] {
  return [...Array.from({ length: shards }, (_, s) => shardUrl(s)), `${searchIndexPath}meta.json`];
}
