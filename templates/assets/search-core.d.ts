// Types of search-core.js for the build (src/search/) and the tests; the browser loads the .js.

/** Receives the tokens of a text from `scanText`. */
export interface TokenSink {
  single(c: number): void;
  pair(a: number, b: number): void;
  word(w: string): void;
}

/** Postings of one token: ascending document ids and their values (`count * 2 + inTitle`). */
export interface Posting {
  docs: number[];
  values: number[];
}

/** A ranked document. */
export interface RankedDocument {
  readonly doc: number;
  readonly inTitle: boolean;
  readonly score: number;
}

/** A piece of marked text. */
export interface MarkedPiece {
  readonly text: string;
  readonly mark: boolean;
}

export function foldText(text: string): string;
export function scanText(text: string, sink: TokenSink): void;
export function parseQuery(query: string): { runs: string[]; tokens: string[] };
export function shardOf(token: string, shardCount: number): number;
export class ByteWriter {
  constructor(capacity?: number);
  length: number;
  varint(value: number): void;
  block(token: string, docs: ArrayLike<number>, values: ArrayLike<number>, count?: number, start?: number): void;
  result(): Uint8Array;
}
export function decodeShard(bytes: Uint8Array, wanted: ReadonlySet<string>, into?: Map<string, Posting>): Map<string, Posting>;
export function rankDocuments(tokens: readonly string[], postings: ReadonlyMap<string, Posting>): RankedDocument[];
export function markText(text: string, runs: readonly string[]): MarkedPiece[];
export function snippet(text: string, runs: readonly string[], length?: number): MarkedPiece[];
