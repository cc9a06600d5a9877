import type { ResourceLimits } from 'node:worker_threads';

/**
 * Heap limits of the build's worker threads, each of which has a heap of its own. Measured on the
 * 10,000-article bench: with V8's defaults a worker's heap grows far past what it keeps alive
 * (50 MB for 15 MB live); a small young generation and an explicit old-generation limit make V8
 * collect sooner, taking peak RSS from about 390 MB to 320 MB. Young generation, cold build, three to
 * six alternating runs on a busy machine: 4 MB peak RSS 279–307 MB, user CPU median 11.3 s; 8 MB
 * 301–313 MB, 11.4 s; 16 MB 310–327 MB, 10.3 s; 32 MB 337–357 MB, 10.0 s. 4 MB keeps the build
 * under the 300 MB target at no measurable cost. The old-generation limit is far above what a
 * worker holds (one batch, the templates, the site view), so it never runs out.
 */
export const workerResourceLimits: ResourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 512 };

/**
 * Heap limits of the source threads (decode, repair, parse, render the Markdown). They run while
 * the main thread holds only the outcomes so far, not the model and its pages: the build's peak
 * comes later, with the render threads. Measured on the 10k bench (2026-11-28, cold, three
 * alternating rounds): a 16 MB young generation took user CPU from 11.5–12.0 s to 10.7–11.1 s
 * (fewer scavenges, each copying a batch's live objects again) at the same peak RSS (257–265 MB
 * against 258–261 MB); 32 MB saved no more and peaked at 299–321 MB.
 */
export const sourceWorkerResourceLimits: ResourceLimits = { ...workerResourceLimits, maxYoungGenerationSizeMb: 16 };

/**
 * Pages the main thread renders, or converts to the other script, before a build starts threads
 * for them: a thread costs about 0.3 s of CPU to start (modules, templates), a page about 1 ms
 * here, so a build that changes a few articles starts none.
 */
export const pagesBeforeThreads = 32;

/**
 * Page manifests larger than this are read, and the files they list stat'ed, on a thread of their
 * own while the main thread reads the sources (`loadManifest`): at 10,000 articles (1.8 MB, 11,500
 * files) that took 150–250 ms of the main thread's time; the thread costs about 30 ms to start, on the other core.
 */
export const manifestBytesForThread = 256 * 1024;

/**
 * Sources a build with a cache stats on a thread of its own while the main thread loads the source
 * manifest (`statOnThread`): 10,000 stats took 60–90 ms of the main thread's time.
 */
export const sourcesForThread = 2000;
