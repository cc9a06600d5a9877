import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FoundFile } from '../source/find.js';
import type { SourceFile } from '../source/source-file.js';
import { setArticleIdentity } from './article-identity.js';
import type { ContentCache } from './content-cache.js';
import { readAllSources } from './read-all.js';
import type { SourceOutcome } from './source-pipeline.js';
import type { SourceProcessor } from './source-pool.js';
import type { SourceStamp } from './source-manifest.js';
import { sourceStamp, type SourceStamps } from './source-stats.js';

/** Options of `processSources`. */
export interface ProcessSourcesOptions {
  readonly processor: SourceProcessor;
  readonly cache?: ContentCache;
  /** Sources per batch: enough to amortise a message to a worker, few enough to keep both cores busy. */
  readonly batchSize?: number;
  /** Batches read and processed at once. */
  readonly inFlight?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Applied to each batch's outcomes once cached, before the next batches arrive (e.g. to move article bodies out of memory). */
  readonly keep?: (outcomes: SourceOutcome[]) => SourceOutcome[];
  /** The sources' stamps, taken elsewhere before any is read (`statOnThread`); a file they lack is stat'ed here. */
  readonly stamps?: Promise<SourceStamps>;
}

/** Every found file's outcome in the found order, and the files that could not be read. */
export interface ProcessedSources {
  readonly outcomes: readonly SourceOutcome[];
  readonly diagnostics: readonly Diagnostic[];
  /** With a cache: by absolute path, the stamp each file had before it was read or restored (a file gone has none). */
  readonly stamps: SourceStamps;
}

/**
 * Read, look up and process the found files a batch at a time: only the batches in flight hold
 * source bytes, and unchanged sources come from the cache without being decoded or parsed again.
 * The processor is closed once the last batch is in (closing it again is harmless).
 */
export async function processSources(files: readonly FoundFile[], displayDir: string, options: ProcessSourcesOptions): Promise<ProcessedSources> {
  const size = options.batchSize ?? 64;
  const batches = Array.from({ length: Math.ceil(files.length / size) }, (_, i) => files.slice(i * size, (i + 1) * size));
  const results: { outcomes: SourceOutcome[]; diagnostics: readonly Diagnostic[] }[] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const taken = (await options.stamps) ?? new Map<string, SourceStamp | undefined>();
  const stamped = new Map<string, SourceStamp>();
  const lane = async (): Promise<void> => {
    while (next < batches.length) {
      const i = next++;
      const batch = batches[i] ?? [];
      const known = options.cache ? unchangedSources(batch, displayDir, options.cache, taken) : { outcomes: new Map<string, SourceOutcome>(), stamps: new Map<string, SourceStamp>() };
      for (const [file, stamp] of known.stamps) stamped.set(file, stamp);
      const read = await readAllSources(batch.filter((f) => !known.outcomes.has(f.absolutePath)), displayDir, size);
      const changed = options.cache ? sameBytesAsRecorded(read.sources, batch, options.cache, known) : read.sources;
      const outcomes = await processBatch(changed, options, batch, known.stamps);
      const fresh = new Map((options.keep ? options.keep(outcomes) : outcomes).map((o) => [o.path, o]));
      const inOrder = batch.map((f) => known.outcomes.get(f.absolutePath) ?? fresh.get(path.posix.join(displayDir, f.contentPath)));
      results[i] = { outcomes: inOrder.filter((o): o is SourceOutcome => o !== undefined), diagnostics: read.diagnostics };
      done += batch.length;
      options.onProgress?.(done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.inFlight ?? 4, batches.length) }, lane));
  // The threads' heaps are let go before the manifest is serialized, so the two never add up at the peak.
  await options.processor.close();
  options.cache?.save();
  return { outcomes: results.flatMap((r) => r.outcomes), diagnostics: results.flatMap((r) => r.diagnostics), stamps: stamped };
}

/**
 * The outcomes of the batch's files that the previous build's manifest still describes (restored,
 * bodies left on disk), and the stamp of every file, taken before any of them is read.
 */
function unchangedSources(batch: readonly FoundFile[], displayDir: string, cache: ContentCache, taken: SourceStamps) {
  const outcomes = new Map<string, SourceOutcome>();
  const stamps = new Map<string, SourceStamp>();
  for (const file of batch) {
    const stamp = taken.has(file.absolutePath) ? taken.get(file.absolutePath) : sourceStamp(file.absolutePath);
    if (!stamp) continue;
    stamps.set(file.absolutePath, stamp);
    const entry = cache.sources.lookup(file.absolutePath, stamp);
    // The display path is part of the outcome (diagnostics name it): another --content spelling reads the file again.
    if (!entry || entry.outcome.path !== path.posix.join(displayDir, file.contentPath) || !cache.hasEntry(entry)) continue;
    const outcome = cache.restore(entry);
    if (outcome.article) setArticleIdentity(outcome.article, entry.key);
    outcomes.set(file.absolutePath, outcome);
  }
  return { outcomes, stamps };
}

/**
 * Restore (into `known`) the read sources whose stamp changed but whose bytes did not, as after a
 * fresh checkout: their key is the recorded entry's, so the entry is restamped and its record is
 * left unread, as for an unchanged stamp. The sources really changed are returned.
 */
function sameBytesAsRecorded(sources: readonly SourceFile[], batch: readonly FoundFile[], cache: ContentCache, known: ReturnType<typeof unchangedSources>): SourceFile[] {
  const absolute = new Map(batch.map((file) => [file.contentPath, file.absolutePath]));
  return sources.filter((source) => {
    const file = absolute.get(source.contentPath);
    const stamp = file === undefined ? undefined : known.stamps.get(file);
    const entry = file === undefined ? undefined : cache.sources.recorded(file);
    // The key covers the bytes, both paths, the config and the tool: the same key is the same outcome.
    if (file === undefined || !stamp || !entry || entry.key !== cache.keyOf(source) || !cache.hasEntry(entry)) return true;
    cache.sources.restamp(file, entry, stamp);
    const outcome = cache.restore(entry);
    if (outcome.article) setArticleIdentity(outcome.article, entry.key);
    known.outcomes.set(file, outcome);
    return false;
  });
}

async function processBatch(sources: readonly SourceFile[], options: ProcessSourcesOptions, batch: readonly FoundFile[], stamps: ReadonlyMap<string, SourceStamp>): Promise<SourceOutcome[]> {
  const { cache, processor } = options;
  if (!cache) return processor.process(sources);
  const keys = sources.map((s) => cache.keyOf(s));
  const outcomes = await Promise.all(keys.map((k) => cache.get(k)));
  const missing = sources.filter((_, i) => outcomes[i] === undefined);
  const fresh = missing.length === 0 ? [] : await processor.process(missing);
  let f = 0;
  const merged = outcomes.map((o) => o ?? fresh[f++]);
  await Promise.all(merged.map((o, i) => (outcomes[i] === undefined && o ? cache.put(keys[i] ?? '', o) : undefined)));
  processor.release?.(fresh);
  const absolute = new Map(batch.map((file) => [file.contentPath, file.absolutePath]));
  merged.forEach((o, i) => {
    const key = keys[i] ?? '';
    const file = absolute.get(sources[i]?.contentPath ?? '');
    const stamp = file === undefined ? undefined : stamps.get(file);
    const location = cache.locationOf(key);
    if (o && file !== undefined && stamp && location !== undefined) cache.sources.record(file, stamp, key, location, o);
    // The cache key decides the outcome, so it names the article for the page fingerprints.
    if (o?.article) setArticleIdentity(o.article, key);
  });
  return merged.filter((o): o is SourceOutcome => o !== undefined);
}
