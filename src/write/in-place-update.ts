import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Journal } from './journal.js';

/** Default limit of an in-place update: this many changed files, or a tenth of the output, whichever is more. */
export function inPlaceLimit(previousFiles: number): number {
  return Math.max(32, Math.floor(previousFiles / 10));
}

/**
 * The bookkeeping of an in-place update of the output folder: which output files stay as they
 * are, which were staged to be moved in, and (from the previous build's list of files) which
 * must go. Past `limit` staged files the writer falls back to a whole new staged tree.
 */
export class InPlaceUpdate {
  /** Output paths whose file in the output folder is already right. */
  readonly kept: string[] = [];
  /** Output paths written into the staging folder. */
  readonly staged: string[] = [];

  constructor(
    private readonly previous: ReadonlySet<string>,
    readonly limit: number,
  ) {}

  /** Whether `file` holds exactly `contents` (a page rendered again to the same bytes needs no write). */
  static sameFile(file: string, contents: string | Uint8Array): boolean {
    const size = typeof contents === 'string' ? Buffer.byteLength(contents) : contents.byteLength;
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info?.isFile() || info.size !== size) return false;
    const bytes = readFileSync(file);
    return typeof contents === 'string' ? bytes.toString('utf8') === contents : bytes.equals(contents);
  }

  /** Whether the update has staged more files than an in-place update is for. */
  get overLimit(): boolean {
    return this.staged.length > this.limit;
  }

  /**
   * The journal that turns the previous output into this build's: every file in the staging folder
   * in (`inStaging`, which includes pages other threads wrote there), files no longer produced out.
   */
  journal(outputs: ReadonlySet<string>, inStaging: readonly string[]): Journal {
    const deletes = [...this.previous].filter((file) => !outputs.has(file)).sort();
    return { renames: [...inStaging].sort(), deletes };
  }
}

/** Every file under `dir`, as output paths (relative, forward slashes). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  // `parentPath` from Node 20.12; `path` before it.
  const parentOf = (entry: (typeof entries)[number]): string => entry.parentPath ?? (entry as { path?: string }).path ?? dir;
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(parentOf(e), e.name)).split(path.sep).join('/'));
}
