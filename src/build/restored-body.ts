import { readSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { decodeRecord } from '../cache/pack-record.js';
import type { ManifestEntry } from './source-manifest.js';
import type { SourceOutcome } from './source-pipeline.js';
import { forgetManifest } from './source-manifest-name.js';

/**
 * Where a restored article's body lies in the pack store, for a render thread to read it there
 * instead of this thread reading, decoding and sending it: the pack's descriptor (open while the
 * cache lives), the record's place and key, and what a damaged record's error names.
 */
export interface RecordRef {
  readonly fd: number;
  readonly offset: number;
  readonly length: number;
  readonly key: string;
  readonly field: 'html' | 'text';
  readonly source: string;
  readonly where: string;
  /** The source manifest that vouched for the record, dropped when it is damaged. */
  readonly manifest: string;
}

/** The body a `RecordRef` points at, read and checked on this thread; a damaged record drops the source manifest and is an error, as on the main thread. */
export function readRecordBody(ref: RecordRef): string {
  const record = Buffer.allocUnsafe(ref.length);
  let done = 0;
  while (done < ref.length) {
    const read = readSync(ref.fd, record, done, ref.length - done, ref.offset + done);
    if (read === 0) break;
    done += read;
  }
  const payload = done === ref.length ? decodeRecord(record, ref.key) : undefined;
  let body: string | undefined;
  try {
    body = payload && (deserialize(payload) as SourceOutcome).article?.[ref.field];
  } catch {
    body = undefined;
  }
  if (body !== undefined) return body;
  forgetManifest(ref.manifest);
  throw damagedEntry(ref.source, ref.where);
}

/** The error of a record that fails its check, as every thread reports it. */
export function damagedEntry(sourcePath: string, where: string): Error {
  return new Error(`the cache entry of ${sourcePath} is damaged (${where}); it will not be used again: build again`);
}

/** What a restored article's record is read through on the main thread (the content cache). */
export interface RestoringCache {
  bodyOf(entry: ManifestEntry, field: 'html' | 'text'): string;
  recordRef(entry: ManifestEntry, field: 'html' | 'text'): RecordRef | undefined;
}

// Where each restored article's body lies: a property of its own under a symbol, not enumerable (copies
// and serializers leave it behind), where a WeakMap's inserts cost a third more and its entries weighed on
// every full collection. Here, not in the content cache, so a render thread reads bodies without loading it.
export const restoredFrom = Symbol('restored from');

/** A restored article, as `ContentCache.restore` makes it. */
export interface Restored {
  readonly [restoredFrom]?: { readonly cache: RestoringCache; readonly entry: ManifestEntry };
}

/** Where a restored article's body lies (`ContentCache.recordRef`), or undefined for an article the cache did not restore. */
export function recordRefOf(article: object, field: 'html' | 'text'): RecordRef | undefined {
  const from = (article as Restored)[restoredFrom];
  return from && from.cache.recordRef(from.entry, field);
}
