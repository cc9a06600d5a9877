import type { Page } from '../render/page.js';

/** Where the build puts its pages. Nothing is visible at the destination until `commit`. */
export interface Writer {
  /** Queue one page; resolves when the writer is ready for the next (backpressure). */
  write(page: Page): Promise<void>;
  /** Make every written page visible at once. */
  commit(): Promise<void>;
  /** Throw away everything written; the destination stays as it was. */
  abort(): Promise<void>;
}

/** Why an output path is unsafe, or undefined: pages must stay inside the output folder. */
export function outputPathProblem(outputPath: string): string | undefined {
  if (outputPath === '' || outputPath.startsWith('/') || /^[a-zA-Z]:/.test(outputPath)) return 'is absolute or empty';
  if (outputPath.split('/').some((part) => part === '..' || part === '.' || part === '')) return 'leaves the output folder';
  if (/[\u0000-\u001f\\]/.test(outputPath)) return 'contains a control character or backslash';
  return undefined;
}
