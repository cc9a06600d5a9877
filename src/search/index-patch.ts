import { readFileSync } from 'node:fs';
import type { Article } from '../content/types.js';
import { batchKey, documentFrom, documentUrl, pageAt, shardUrl, wellFormed } from './index-files.js';
import { ByteWriter, decodeShard, scanText, shardOf, type Posting } from './search-core.js';
import type { SearchLayout } from './search-layout.js';
import type { SearchIndexEmit } from './write-search-index.js';

/** What the patch needs to know of the reuse the build offers (`SearchIndexReuse`). */
export interface PatchSource {
  readonly previousLayout: SearchLayout | undefined;
  /** The fingerprint the previous build recorded for `url` under this build's theme and tool, if any. */
  recordedFingerprint(url: string): string | undefined;
  /** The previous file for `url` when it was written from `fingerprint` and is unchanged. */
  recordedFile(url: string, fingerprint: string): string | undefined;
}

/** This build's fingerprints of the index, its batches and its documents (`reuseKeys`). */
export interface IndexKeys {
  readonly index: string;
  readonly batches: readonly string[];
  readonly documents: readonly string[];
}

/** An article whose postings changed: per token, its value now (`count * 2 + inTitle`), or undefined where it is gone. */
interface DocumentChange {
  readonly batch: number;
  readonly doc: number;
  readonly tokens: ReadonlyMap<string, number | undefined>;
}

/** The previous shard files and what to change in them. */
export interface IndexPatch {
  readonly layout: SearchLayout;
  readonly files: readonly string[];
  /** Batches in this build's index: more than before when articles were published, fewer when the newest were withdrawn. */
  readonly batches: number;
  /** Per shard, the changes that fall in it. */
  readonly byShard: ReadonlyMap<number, DocumentChange[]>;
  readonly wellFormed: boolean;
}

// Articles patched in; past this many, the index is built again whole (its memory stays bounded).
const patchedDocuments = 256;

/**
 * The patch that turns the previous build's shard files into this build's, when the previous index
 * had the same shard count and batch size, and every file it needs is as that build recorded it:
 * the shards, and each changed or withdrawn article's old document file, from which its old
 * postings are read. Documents are numbered oldest first, so a published article is a new last
 * document and an edited one keeps its id. Undefined when any of that does not hold (an article
 * added among the older ones moves every later id): then the index is built again.
 */
export function planPatch(articles: readonly Article[], source: PatchSource, keys: IndexKeys, shards: number, batchSize: number): IndexPatch | undefined {
  const layout = source.previousLayout;
  if (!layout?.wellFormed || layout.shards !== shards || layout.batchSize !== batchSize) return undefined;
  const files: string[] = [];
  for (let s = 0; s < shards; s++) {
    const file = source.recordedFile(shardUrl(s), layout.index);
    if (file === undefined) return undefined;
    files.push(file);
  }
  const byShard = new Map<number, DocumentChange[]>();
  const before = layout.documents;
  let patched = 0;
  let allWellFormed = true;
  for (let b = 0; b < Math.max(layout.batches.length, keys.batches.length); b++) {
    if (keys.batches[b] !== undefined && keys.batches[b] === layout.batches[b]) continue;
    const first = b * batchSize;
    const end = Math.min((b + 1) * batchSize, Math.max(before, articles.length));
    // The old keys, as recorded for the document files, must be the ones the batch's segments were made from.
    const oldKeys: (string | undefined)[] = [];
    for (let id = first; id < Math.min(end, before); id++) oldKeys.push(source.recordedFingerprint(documentUrl(id)));
    if (oldKeys.some((key) => key === undefined)) return undefined;
    if (oldKeys.length > 0 && batchKey(oldKeys as string[]) !== layout.batches[b]) return undefined;
    for (let id = first; id < end; id++) {
      const oldKey = oldKeys[id - first];
      if (oldKey === keys.documents[id]) continue;
      if (++patched > patchedDocuments) return undefined;
      const old = oldKey === undefined ? { title: '', text: '' } : previousDocument(source, id, oldKey);
      if (old === undefined) return undefined;
      const article = articles[id];
      if (article) allWellFormed &&= wellFormed(article.title) && wellFormed(article.text);
      const tokens = changedTokens(documentPostings(old.title, old.text), article ? documentPostings(article.title, article.text) : new Map());
      for (const [shard, inShard] of groupByShard(tokens, shards)) {
        const changes = byShard.get(shard) ?? [];
        changes.push({ batch: b, doc: id, tokens: inShard });
        byShard.set(shard, changes);
      }
    }
  }
  return { layout, files, batches: keys.batches.length, byShard, wellFormed: allWellFormed };
}

/** The title and text an article's old document file was written from, when it is as recorded. */
function previousDocument(source: PatchSource, id: number, key: string): { readonly title: string; readonly text: string } | undefined {
  const file = source.recordedFile(documentUrl(id), key);
  return file === undefined ? undefined : documentFrom(readFileSync(file, 'utf8'));
}

/** Shards written: their bytes, the files linked unchanged, where each batch's segment lies in them, and whether every title and text indexed was well formed. */
export interface WrittenShards {
  readonly bytes: number;
  readonly linked: number;
  readonly lengths: Uint32Array;
  readonly wellFormed: boolean;
}

/**
 * Each shard from the previous file: linked as it is when no change falls in it, else with the
 * segments of the changed articles' batches decoded, patched and encoded again in token order,
 * which gives the bytes a full build writes (a segment is its batch's postings in token order).
 * A batch that is new starts empty; one whose articles were all withdrawn ends empty, and goes.
 */
export async function patchShards(patch: IndexPatch, emit: SearchIndexEmit): Promise<WrittenShards> {
  const { layout, files, byShard, batches } = patch;
  const { shards } = layout;
  const lengths = new Uint32Array(batches * shards);
  lengths.set(layout.lengths.subarray(0, Math.min(batches, layout.batches.length) * shards));
  let bytes = 0;
  let linked = 0;
  for (let s = 0; s < shards; s++) {
    const file = files[s] as string;
    const changes = byShard.get(s);
    if (changes === undefined) {
      // No change falls in this shard: a new batch's segment here is empty, and so was a dropped one's.
      linked++;
      await emit(pageAt(shardUrl(s), new Uint8Array(0), 'application/octet-stream'), file);
      continue;
    }
    const old = readFileSync(file);
    const parts: Uint8Array[] = [];
    for (let b = 0, at = 0; b < Math.max(batches, layout.batches.length); b++) {
      const length = b < layout.batches.length ? (layout.lengths[b * shards + s] as number) : 0;
      const segment = old.subarray(at, at + length);
      at += length;
      const inBatch = changes.filter((change) => change.batch === b);
      const part = inBatch.length === 0 ? segment : patchSegment(segment, inBatch);
      if (b >= batches) {
        if (part.length > 0) throw new Error(`Internal error: search shard ${s} keeps postings of withdrawn articles`);
        continue;
      }
      lengths[b * shards + s] = part.length;
      parts.push(part);
    }
    const contents = Buffer.concat(parts);
    bytes += contents.length;
    await emit(pageAt(shardUrl(s), contents, 'application/octet-stream'));
  }
  return { bytes, linked, lengths, wellFormed: patch.wellFormed };
}

/** A document's postings as a batch counts them: per token, `count * 2 + 1` when the title has it (the title is scanned first), else `count * 2`. */
export function documentPostings(title: string, text: string): Map<string, number> {
  const postings = new Map<string, number>();
  let titleBit = 1;
  const hit = (token: string): void => {
    const value = postings.get(token);
    postings.set(token, value === undefined ? 2 | titleBit : value + 2);
  };
  const sink = { single: (c: number) => hit(String.fromCharCode(c)), pair: (a: number, b: number) => hit(String.fromCharCode(a, b)), word: hit };
  scanText(title, sink);
  titleBit = 0;
  scanText(text, sink);
  return postings;
}

/** The tokens whose value differs between two postings of one document: the new value, or undefined where the token is gone. */
export function changedTokens(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Map<string, number | undefined> {
  const changed = new Map<string, number | undefined>();
  for (const [token, value] of after) if (before.get(token) !== value) changed.set(token, value);
  for (const token of before.keys()) if (!after.has(token)) changed.set(token, undefined);
  return changed;
}

function groupByShard(tokens: ReadonlyMap<string, number | undefined>, shards: number): Map<number, Map<string, number | undefined>> {
  const groups = new Map<number, Map<string, number | undefined>>();
  for (const [token, value] of tokens) {
    const shard = shardOf(token, shards);
    const group = groups.get(shard) ?? new Map<string, number | undefined>();
    group.set(token, value);
    groups.set(shard, group);
  }
  return groups;
}

const everyToken: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;

/** A batch's segment of a shard with the documents' changes applied, its blocks in token order as `PostingBatch.encode` writes them. */
export function patchSegment(segment: Uint8Array, changes: readonly DocumentChange[]): Uint8Array {
  const postings = decodeShard(segment, everyToken);
  for (const { doc, tokens } of changes) {
    for (const [token, value] of tokens) {
      const posting: Posting = postings.get(token) ?? { docs: [], values: [] };
      const at = lowerBound(posting.docs, doc);
      if (posting.docs[at] === doc) {
        if (value === undefined) {
          posting.docs.splice(at, 1);
          posting.values.splice(at, 1);
        } else posting.values[at] = value;
      } else if (value !== undefined) {
        posting.docs.splice(at, 0, doc);
        posting.values.splice(at, 0, value);
      }
      if (posting.docs.length === 0) postings.delete(token);
      else postings.set(token, posting);
    }
  }
  const writer = new ByteWriter(segment.length + 64);
  // The default sort compares UTF-16 code units, as `encode` orders its blocks.
  for (const token of [...postings.keys()].sort()) {
    const { docs, values } = postings.get(token) as Posting;
    writer.block(token, docs, values);
  }
  return writer.result();
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
