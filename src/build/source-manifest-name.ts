import { rmSync } from 'node:fs';

/** The journal beside the base manifest `file`. */
export function journalOf(file: string): string {
  return file.replace(/\.bin$/, '.journal');
}

/** Drop the source manifest in `file` and its journal, from any thread: the next build reads every source. */
export function forgetManifest(file: string): void {
  rmSync(file, { force: true });
  rmSync(journalOf(file), { force: true });
}
