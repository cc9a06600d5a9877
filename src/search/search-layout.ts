/**
 * Where each batch's segment lies in each shard file of an index: shard `s` is the segments of
 * batches 0, 1, ... joined, and a segment holds only its batch's postings, so a build can patch the
 * segments an edited article is in and keep every other byte. Kept with the page manifest.
 */
export interface SearchLayout {
  /** The index fingerprint the shard files were recorded with (it covers every article, the shard count and the batch size). */
  readonly index: string;
  readonly shards: number;
  readonly batchSize: number;
  readonly documents: number;
  /** Whether every title and text indexed was well formed (no lone surrogate), so that its document file gives it back exactly. */
  readonly wellFormed: boolean;
  /** Each batch's fingerprint: its articles' document ids and identities. */
  readonly batches: readonly string[];
  /** Batch-major: the byte length of batch `b`'s segment of shard `s` at `b * shards + s`. */
  readonly lengths: Uint32Array;
}

/** A layout as the page manifest's JSON holds it: the lengths as base64 of little-endian 32-bit words (50 batches × 16,384 shards is 4.4 MB of text). */
export type StoredSearchLayout = Omit<SearchLayout, 'lengths'> & { readonly lengths: string };

export function storedLayout(layout: SearchLayout): StoredSearchLayout {
  const bytes = Buffer.alloc(layout.lengths.length * 4);
  layout.lengths.forEach((length, i) => bytes.writeUInt32LE(length, i * 4));
  return { ...layout, lengths: bytes.toString('base64') };
}

/** The layout a manifest holds; undefined when it is not one (another version wrote it, or it was edited). */
export function layoutFrom(stored: StoredSearchLayout | undefined): SearchLayout | undefined {
  if (stored === undefined || typeof stored !== 'object') return undefined;
  const { index, shards, batchSize, documents, wellFormed, batches, lengths } = stored;
  const numbers = [shards, batchSize, documents].every((n) => Number.isInteger(n) && n >= 0);
  if (typeof index !== 'string' || !numbers || typeof wellFormed !== 'boolean' || !Array.isArray(batches) || typeof lengths !== 'string') return undefined;
  const bytes = Buffer.from(lengths, 'base64');
  if (bytes.length !== batches.length * shards * 4 || !batches.every((b) => typeof b === 'string')) return undefined;
  const words = new Uint32Array(batches.length * shards);
  for (let i = 0; i < words.length; i++) words[i] = bytes.readUInt32LE(i * 4);
  return { index, shards, batchSize, documents, wellFormed, batches, lengths: words };
}
