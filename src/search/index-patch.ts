import { readFileSync } from 'node:fs';
import type { Article } from '../content/types.js';
import { documentFrom, documentKey, documentUrl, identityIn, indexKey, pageAt, shardUrl } from './index-files.js';
import { ByteReader, ByteWriter, decodeShard, scanText, shardOf, type Posting } from './search-core.js';
import type { SearchIndexEmit } from './write-search-index.js';

/** What the patch needs of the previous output, as the build's page reuse records it (`SearchIndexReuse`). */
export interface PatchSource {
  /** The fingerprint the previous build recorded for `url` under this build's theme and tool, if any. */
  recordedFingerprint(url: string): string | undefined;
  /** The previous file for `url` when it was written from `fingerprint` and is unchanged since. */
  recordedFile(url: string, fingerprint: string): string | undefined;
}

/** This build's fingerprint of the index, and each document's identity (its article's content-cache key), by id. */
export interface IndexKeys {
  readonly index: string;
  readonly identities: readonly string[];
}

/** An article whose postings changed: per token, its value now (`count * 2 + inTitle`), or undefined where it is gone. */
interface DocumentChange {
  readonly doc: number;
  readonly tokens: ReadonlyMap<string, number | undefined>;
}

/** The previous shard files, and the changes that fall in each shard a patch changes. */
export interface IndexPatch {
  readonly files: readonly string[];
  readonly batchSize: number;
  readonly changed: ReadonlyMap<number, readonly DocumentChange[]>;
}

// Articles patched in; past this many, the index is built again whole (its memory stays bounded).
const patchedDocuments = 256;

/**
 * The patch that turns the previous build's shard files into this build's, or undefined: then the
 * index is built again. Nothing is kept for it but what page reuse records of every file: the
 * shards' fingerprint (the index key), and each document file's (its id and its article's
 * identity). The previous documents are those of the recorded document files; their identities,
 * hashed as an index key with this build's shard count and batch size, must give the shards' key,
 * which proves what the shards were made from. Documents are numbered oldest first, so an edited
 * article keeps its id and a published one is the next; an article added among older ones moves
 * every later id, and past 256 changed ids the index is built again. Each changed article's old
 * postings are counted again from its old document file (the title in its JSON line, then the
 * text), which must be as recorded and hold no U+FFFD: UTF-8 turns a lone surrogate into one, so a
 * file without any gives back exactly the text that was indexed.
 */
export function planPatch(articles: readonly Article[], source: PatchSource, keys: IndexKeys, shards: number, batchSize: number): IndexPatch | undefined {
  const previousKey = source.recordedFingerprint(shardUrl(0));
  if (previousKey === undefined) return undefined;
  const files: string[] = [];
  for (let s = 0; s < shards; s++) {
    const file = source.recordedFile(shardUrl(s), previousKey);
    if (file === undefined) return undefined;
    files.push(file);
  }
  // The previous documents: ids 0, 1, ... as long as a document file is recorded.
  const before: string[] = [];
  for (let recorded = source.recordedFingerprint(documentUrl(0)); recorded !== undefined; ) {
    const identity = identityIn(recorded, before.length);
    if (identity === undefined) return undefined;
    before.push(identity);
    recorded = source.recordedFingerprint(documentUrl(before.length));
  }
  if (indexKey(shards, batchSize, before) !== previousKey) return undefined;
  const byShard = new Map<number, DocumentChange[]>();
  let patched = 0;
  for (let id = 0; id < Math.max(before.length, articles.length); id++) {
    const old = before[id];
    if (old === keys.identities[id]) continue;
    if (++patched > patchedDocuments) return undefined;
    const previous = old === undefined ? { title: '', text: '' } : previousDocument(source, id, old);
    if (previous === undefined) return undefined;
    const article = articles[id];
    const tokens = changedTokens(documentPostings(previous.title, previous.text), article ? documentPostings(article.title, article.text) : new Map<string, number>());
    for (const [shard, inShard] of groupByShard(tokens, shards)) {
      const changes = byShard.get(shard) ?? [];
      changes.push({ doc: id, tokens: inShard });
      byShard.set(shard, changes);
    }
  }
  return { files, batchSize, changed: byShard };
}

/** The title and text an article's old document file was written from, when it is as recorded and holds them exactly. */
function previousDocument(source: PatchSource, id: number, identity: string): { readonly title: string; readonly text: string } | undefined {
  const file = source.recordedFile(documentUrl(id), documentKey(id, identity));
  const document = file === undefined ? undefined : documentFrom(readFileSync(file, 'utf8'));
  return document && !document.title.includes('\uFFFD') && !document.text.includes('\uFFFD') ? document : undefined;
}

/**
 * Each shard from the previous file: linked as it is when no change falls in it, else with the
 * segments of the changed articles' batches decoded, patched and encoded again in token order,
 * which gives the bytes a full build writes (a segment is its batch's postings in token order, and
 * a shard its non-empty segments in batch order). Returns the bytes written and the files linked.
 */
export async function patchShards(patch: IndexPatch, emit: SearchIndexEmit): Promise<{ readonly bytes: number; readonly linked: number }> {
  let bytes = 0;
  let linked = 0;
  for (const [s, file] of patch.files.entries()) {
    const changes = patch.changed.get(s);
    if (changes === undefined) {
      linked++;
      await emit(pageAt(shardUrl(s), new Uint8Array(0), 'application/octet-stream'), file);
      continue;
    }
    // One shard in memory at a time. Its key and stamp say it is what the previous build wrote, in this format.
    const segments = segmentsOf(readFileSync(file), patch.batchSize);
    if (segments === undefined) throw new Error(`Internal error: the search shard ${file} is not in the format its key names`);
    for (const batch of new Set(changes.map((change) => Math.floor(change.doc / patch.batchSize)))) {
      const inBatch = changes.filter((change) => Math.floor(change.doc / patch.batchSize) === batch);
      segments.set(batch, patchSegment(segments.get(batch) ?? new Uint8Array(0), inBatch));
    }
    const contents = Buffer.concat([...segments].sort(([a], [b]) => a - b).map(([, segment]) => segment));
    bytes += contents.length;
    await emit(pageAt(shardUrl(s), contents, 'application/octet-stream'));
  }
  return { bytes, linked };
}

/**
 * A shard file cut into its batches' segments, by the first document of each block (a block's
 * documents are all in one batch); undefined when the blocks are not in batch order or the file
 * is cut short.
 */
export function segmentsOf(bytes: Uint8Array, batchSize: number): Map<number, Uint8Array> | undefined {
  const segments = new Map<number, Uint8Array>();
  const reader = new ByteReader(bytes);
  try {
    let batch = -1;
    let start = 0;
    while (!reader.done) {
      const blockStart = reader.at;
      for (let units = reader.varint(); units > 0; units--) reader.varint();
      const count = reader.varint();
      if (count === 0) return undefined;
      const first = Math.floor(reader.varint() / batchSize);
      reader.varint();
      for (let i = 1; i < count; i++) {
        reader.varint();
        reader.varint();
      }
      if (first === batch) continue;
      if (first < batch) return undefined;
      if (batch >= 0) segments.set(batch, bytes.subarray(start, blockStart));
      batch = first;
      start = blockStart;
    }
    if (batch >= 0) segments.set(batch, bytes.subarray(start, reader.at));
    return segments;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
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
