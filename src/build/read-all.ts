import { isContentError } from '../diagnostics/content-error.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FoundFile } from '../source/find.js';
import { defaultReadOptions, readSourceSync } from '../source/read.js';
import type { SourceFile } from '../source/source-file.js';

/** Files read in the order found, and the files refused on the way. */
export interface ReadAllResult {
  readonly sources: readonly SourceFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Read every found file with a bounded number of reads in flight, keeping the found order. */
export async function readAllSources(files: readonly FoundFile[], displayDir: string, concurrency = 64): Promise<ReadAllResult> {
  const slots: (SourceFile | Diagnostic[] | undefined)[] = new Array(files.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < files.length) {
      const i = next++;
      const file = files[i];
      if (!file) continue;
      try {
        // Synchronous: a source is a few kB, and the thread pool's round trips cost more than the read (a warm build is mostly reads).
        slots[i] = readSourceSync(file, { ...defaultReadOptions, displayDir });
        if (i % 16 === 15) await Promise.resolve();
      } catch (error) {
        if (!isContentError(error)) throw error;
        slots[i] = [...error.diagnostics];
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const slot of slots) {
    if (Array.isArray(slot)) diagnostics.push(...slot);
    else if (slot) sources.push(slot);
  }
  return { sources, diagnostics };
}
