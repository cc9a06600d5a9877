import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FoundFile } from '../source/find.js';
import type { SourceFile } from '../source/source-file.js';
import { setArticleIdentity } from './article-identity.js';
import type { ContentCache } from './content-cache.js';
import { readAllSources } from './read-all.js';
import type { SourceOutcome } from './source-pipeline.js';
import type { SourceProcessor } from './source-pool.js';

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
}

/** Every found file's outcome in the found order, and the files that could not be read. */
export interface ProcessedSources {
  readonly outcomes: readonly SourceOutcome[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Read, look up and process the found files a batch at a time: only the batches in flight hold
 * source bytes, and unchanged sources come from the cache without being decoded or parsed again.
 */
export async function processSources(files: readonly FoundFile[], displayDir: string, options: ProcessSourcesOptions): Promise<ProcessedSources> {
  const size = options.batchSize ?? 64;
  const batches = Array.from({ length: Math.ceil(files.length / size) }, (_, i) => files.slice(i * size, (i + 1) * size));
  const results: { outcomes: SourceOutcome[]; diagnostics: readonly Diagnostic[] }[] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < batches.length) {
      const i = next++;
      const read = await readAllSources(batches[i] ?? [], displayDir, size);
      const outcomes = await processBatch(read.sources, options);
      results[i] = { outcomes: options.keep ? options.keep(outcomes) : outcomes, diagnostics: read.diagnostics };
      done += batches[i]?.length ?? 0;
      options.onProgress?.(done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.inFlight ?? 4, batches.length) }, lane));
  return { outcomes: results.flatMap((r) => r.outcomes), diagnostics: results.flatMap((r) => r.diagnostics) };
}

async function processBatch(sources: readonly SourceFile[], options: ProcessSourcesOptions): Promise<SourceOutcome[]> {
  const { cache, processor } = options;
  if (!cache) return processor.process(sources);
  const keys = sources.map((s) => cache.keyOf(s));
  const outcomes = await Promise.all(keys.map((k) => cache.get(k)));
  const missing = sources.filter((_, i) => outcomes[i] === undefined);
  const fresh = missing.length === 0 ? [] : await processor.process(missing);
  let f = 0;
  const merged = outcomes.map((o) => o ?? fresh[f++]);
  await Promise.all(merged.map((o, i) => (outcomes[i] === undefined && o ? cache.put(keys[i] ?? '', o) : undefined)));
  // The cache key decides the outcome, so it names the article for the page fingerprints.
  merged.forEach((o, i) => o?.article && setArticleIdentity(o.article, keys[i] ?? ''));
  return merged.filter((o): o is SourceOutcome => o !== undefined);
}
