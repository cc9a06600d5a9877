// The site search's shared logic: the build (src/search/) indexes with it and the search page
// (assets/search.js) queries with it, so both sides cut text into the same tokens. Plain ES
// module, no dependencies, no DOM: vitest imports it as it is.
import { traditionalToSimplifiedPairs } from './search-fold.js';

const BREAK = 0;
const CJK = 1;
const WORD = 2;

let foldTable;
let classTable;

/** Code unit -> folded code unit: Traditional to Simplified, full-width to ASCII, ASCII to lower case. */
function folds() {
  if (foldTable) return foldTable;
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) table[c] = c;
  for (let c = 65; c <= 90; c++) table[c] = c + 32;
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = table[c - 0xfee0];
  const pairs = traditionalToSimplifiedPairs;
  for (let i = 0; i + 1 < pairs.length; i += 2) table[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
  foldTable = table;
  return table;
}

/** Folded code unit -> BREAK, CJK (cut into characters and bigrams) or WORD (Latin words and numbers). */
function classes() {
  if (classTable) return classTable;
  const table = new Uint8Array(65536);
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  const word = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) table[c] = CJK; // astral characters are nearly all CJK extensions
    else {
      const char = String.fromCharCode(c);
      table[c] = cjk.test(char) ? CJK : word.test(char) ? WORD : BREAK;
    }
  }
  classTable = table;
  return table;
}

/** The text with every code unit folded; the same length, so positions carry over to the original. */
export function foldText(text) {
  const fold = folds();
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(fold[text.charCodeAt(i)]);
  return out;
}

/**
 * Feed every token of the text to the sink: `single(c)` for each CJK character, `pair(a, b)` for
 * each two adjacent ones (code units, folded), `word(w)` for each Latin word or number.
 */
export function scanText(text, sink) {
  const fold = folds();
  const kind = classes();
  let previous = -1;
  let word = '';
  for (let i = 0; i < text.length; i++) {
    const c = fold[text.charCodeAt(i)];
    const k = kind[c];
    if (k === WORD) {
      word += String.fromCharCode(c);
      previous = -1;
      continue;
    }
    if (word !== '') sink.word(word.toLowerCase());
    word = '';
    if (k === CJK) {
      sink.single(c);
      if (previous >= 0) sink.pair(previous, c);
      previous = c;
    } else previous = -1;
  }
  if (word !== '') sink.word(word.toLowerCase());
}

/** The query's runs (folded CJK runs and words, in order) and the distinct tokens that must all match. */
export function parseQuery(query) {
  const runs = [];
  let run = '';
  let runKind = BREAK;
  const fold = folds();
  const kind = classes();
  for (let i = 0; i <= query.length; i++) {
    const c = i < query.length ? fold[query.charCodeAt(i)] : 32;
    const k = kind[c];
    if (k !== runKind && run !== '') {
      runs.push(runKind === WORD ? run.toLowerCase() : run);
      run = '';
    }
    runKind = k;
    if (k !== BREAK) run += String.fromCharCode(c);
  }
  const tokens = new Set();
  for (const r of runs) {
    if (kind[r.charCodeAt(0)] !== CJK || r.length === 1) tokens.add(r);
    else for (let i = 0; i + 1 < r.length; i++) tokens.add(r.slice(i, i + 2));
  }
  return { runs, tokens: [...tokens] };
}

/** The shard (0 .. shardCount-1) that holds a token's postings: FNV-1a over its code units. */
export function shardOf(token, shardCount) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shardCount;
}

/** A growing byte buffer of unsigned LEB128 varints: the shard format's only number type. */
export class ByteWriter {
  constructor(capacity = 256) {
    this.bytes = new Uint8Array(capacity);
    this.length = 0;
  }

  varint(value) {
    this.reserve(5);
    this.put(value);
  }

  /** One block: the token's code units, then `count` postings from `start` (ascending document ids as gaps, values). */
  block(token, docs, values, count = docs.length, start = 0) {
    this.reserve(5 * (2 + token.length + 2 * count));
    this.put(token.length);
    for (let i = 0; i < token.length; i++) this.put(token.charCodeAt(i));
    this.put(count);
    let previous = 0;
    for (let i = start; i < start + count; i++) {
      this.put(docs[i] - previous);
      this.put(values[i]);
      previous = docs[i];
    }
  }

  reserve(bytes) {
    if (this.length + bytes <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + bytes));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  put(value) {
    let v = value;
    while (v >= 128) {
      this.bytes[this.length++] = (v & 127) | 128;
      v = Math.floor(v / 128);
    }
    this.bytes[this.length++] = v;
  }

  /** The bytes written so far. */
  result() {
    return this.bytes.subarray(0, this.length);
  }
}

/**
 * The postings of the wanted tokens in one shard file. A token may have several blocks (one per
 * build batch, in document order): they are joined. A value is `count * 2 + (in title ? 1 : 0)`.
 */
export function decodeShard(bytes, wanted, into = new Map()) {
  const reader = new ByteReader(bytes);
  while (!reader.done) {
    let token = '';
    for (let units = reader.varint(); units > 0; units--) token += String.fromCharCode(reader.varint());
    const count = reader.varint();
    const keep = wanted.has(token);
    const posting = keep ? (into.get(token) ?? { docs: [], values: [] }) : undefined;
    let doc = 0;
    for (let i = 0; i < count; i++) {
      doc += reader.varint();
      const value = reader.varint();
      if (posting) {
        posting.docs.push(doc);
        posting.values.push(value);
      }
    }
    if (posting) into.set(token, posting);
  }
  return into;
}

/** Reads back the varints a ByteWriter wrote; `at` is the offset of the next one. */
export class ByteReader {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
  }

  get done() {
    return this.at >= this.bytes.length;
  }

  /** The next varint; throws a RangeError when the bytes end inside it. */
  varint() {
    let value = 0;
    let scale = 1;
    let byte;
    do {
      if (this.at >= this.bytes.length) throw new RangeError('search shard is truncated');
      byte = this.bytes[this.at++];
      value += (byte & 127) * scale;
      scale *= 128;
    } while (byte >= 128);
    return value;
  }
}

/**
 * The documents that have every token, best first: those with every token in the title, then by
 * how often the tokens occur, then newest first (document ids number the articles oldest first, so
 * that a new article takes the next id and every other keeps its own).
 */
export function rankDocuments(tokens, postings) {
  if (tokens.length === 0) return [];
  const lists = tokens.map((t) => postings.get(t) ?? { docs: [], values: [] });
  lists.sort((a, b) => a.docs.length - b.docs.length);
  let found = new Map();
  const first = lists[0];
  for (let i = 0; i < first.docs.length; i++) {
    const v = first.values[i];
    found.set(first.docs[i], { doc: first.docs[i], inTitle: (v & 1) === 1, score: Math.floor(v / 2) });
  }
  for (const list of lists.slice(1)) {
    const kept = new Map();
    for (let i = 0; i < list.docs.length; i++) {
      const hit = found.get(list.docs[i]);
      if (!hit) continue;
      const v = list.values[i];
      kept.set(hit.doc, { doc: hit.doc, inTitle: hit.inTitle && (v & 1) === 1, score: hit.score + Math.floor(v / 2) });
    }
    found = kept;
  }
  return [...found.values()].sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.score - a.score || b.doc - a.doc);
}

/** The text cut into pieces `{text, mark}`, marking every occurrence of the query's runs. */
export function markText(text, runs) {
  const folded = foldText(text);
  const terms = [...new Set(runs)].filter((r) => r !== '').sort((a, b) => b.length - a.length);
  const pieces = [];
  let plain = 0;
  let i = 0;
  while (i < folded.length && terms.length > 0) {
    const term = terms.find((t) => folded.startsWith(t, i));
    if (!term) {
      i++;
      continue;
    }
    if (i > plain) pieces.push({ text: text.slice(plain, i), mark: false });
    pieces.push({ text: text.slice(i, i + term.length), mark: true });
    i += term.length;
    plain = i;
  }
  if (plain < text.length) pieces.push({ text: text.slice(plain), mark: false });
  return pieces;
}

/** About `length` characters of the text around the first match of the query's runs, marked; `…` where cut. */
export function snippet(text, runs, length = 100) {
  const folded = foldText(text);
  const hits = runs.map((r) => folded.indexOf(r)).filter((p) => p >= 0);
  const first = hits.length > 0 ? Math.min(...hits) : 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 5), text.length - length));
  const end = Math.min(text.length, start + length);
  const pieces = markText(text.slice(start, end).replace(/\s+/g, ' '), runs);
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}
