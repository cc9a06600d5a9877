/** One file read from content/: its path relative to the site root and its raw bytes. */
export interface SourceFile {
  /** Path relative to the site root (cwd), forward slashes, e.g. `content/2023/budget.md`. */
  readonly path: string;
  /** Path relative to the content folder, forward slashes, e.g. `2023/budget.md`. */
  readonly contentPath: string;
  readonly bytes: Uint8Array;
}
