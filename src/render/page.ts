/** One file of the built site. */
export interface Page {
  /** Site-relative URL, e.g. `/2023/12/budget/` or `/feed.xml`. */
  readonly url: string;
  /** Path inside dist/, forward slashes, e.g. `2023/12/budget/index.html`. */
  readonly outputPath: string;
  readonly contents: string | Uint8Array;
  readonly contentType: string;
  /** The source file (or template) the page came from, for collision errors. */
  readonly origin: string;
}
