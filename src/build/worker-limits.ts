import type { ResourceLimits } from 'node:worker_threads';

/**
 * Heap limits of the build's worker threads, each of which has a heap of its own. Measured on the
 * 10,000-article bench: with V8's defaults a worker's heap grows far past what it keeps alive
 * (50 MB for 15 MB live); a young generation of 8 MB and an explicit old-generation limit make V8
 * collect sooner, taking peak RSS from about 390 MB to 320 MB. The old-generation limit is far
 * above what a worker holds (one batch, the templates, the site view), so it never runs out.
 */
export const workerResourceLimits: ResourceLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 };
