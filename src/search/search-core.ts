// The theme's search module (templates/assets/search-core.js, which the search page loads as it
// is) with its types, for the build and the tests: one implementation on both sides.
// @ts-expect-error TS7016: a plain ES module of the theme has no declaration file; its types are stated below.
import * as untyped from '../../templates/assets/search-core.js';

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

/** Shard bytes being written: varints and token blocks. */
export interface ByteWriter {
  readonly length: number;
  varint(value: number): void;
  block(token: string, docs: ArrayLike<number>, values: ArrayLike<number>, count?: number, start?: number): void;
  result(): Uint8Array;
}

/** Shard bytes being read back: varints, from the start. */
export interface ByteReader {
  /** The offset of the next varint. */
  readonly at: number;
  readonly done: boolean;
  /** The next varint; throws a RangeError when the bytes end inside it. */
  varint(): number;
}

interface SearchCore {
  foldText(text: string): string;
  scanText(text: string, sink: TokenSink): void;
  parseQuery(query: string): { runs: string[]; tokens: string[] };
  shardOf(token: string, shardCount: number): number;
  ByteWriter: new (capacity?: number) => ByteWriter;
  ByteReader: new (bytes: Uint8Array) => ByteReader;
  decodeShard(bytes: Uint8Array, wanted: ReadonlySet<string>, into?: Map<string, Posting>): Map<string, Posting>;
  rankDocuments(tokens: readonly string[], postings: ReadonlyMap<string, Posting>): RankedDocument[];
  markText(text: string, runs: readonly string[]): MarkedPiece[];
  snippet(text: string, runs: readonly string[], length?: number): MarkedPiece[];
}

const core = untyped as SearchCore;

/** The text with every code unit folded (Traditional to Simplified, full-width to ASCII, lower case); the same length. */
export const foldText = core.foldText;
/** Feed every token of a text to the sink: CJK characters, CJK bigrams, Latin words and numbers. */
export const scanText = core.scanText;
/** A query's runs (for marking) and the distinct tokens that must all match. */
export const parseQuery = core.parseQuery;
/** The shard that holds a token's postings. */
export const shardOf = core.shardOf;
/** A growing byte buffer in the shard format. */
export const ByteWriter = core.ByteWriter;
/** Reads shard bytes back, varint by varint. */
export const ByteReader = core.ByteReader;
/** The postings of the wanted tokens in one shard file. */
export const decodeShard = core.decodeShard;
/** Documents with every token, best first. */
export const rankDocuments = core.rankDocuments;
/** Text cut into marked and unmarked pieces. */
export const markText = core.markText;
/** About `length` characters around the first match, marked. */
export const snippet = core.snippet;
