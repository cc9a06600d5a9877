import { ByteWriter, scanText, shardOf } from './search-core.js';
import { PostingTable } from './posting-table.js';

const pairBase = 65536;
const wordBase = pairBase + 2 ** 30;
const maxCharIds = 32768;

/**
 * The postings of one batch of documents, in memory until `encode` turns them into one byte
 * segment per shard. Tokens are integer keys, so no string is made per occurrence: a CJK
 * character is its code unit, a bigram `pairBase + id(a) * 32768 + id(b)` over the characters
 * numbered as first seen, a word `wordBase + its number in this batch`.
 */
export class PostingBatch {
  private readonly table = new PostingTable();
  private words = new Map<string, number>();
  private wordList: string[] = [];
  private readonly charIds = new Int32Array(65536).fill(-1);
  private readonly idChars: number[] = [];
  private doc = 0;
  private titleBit = 0;
  private readonly sink = {
    single: (c: number) => this.table.hit(this.table.slot(c), this.doc, this.titleBit),
    pair: (a: number, b: number) => this.table.hit(this.table.slot(this.pairKey(a, b)), this.doc, this.titleBit),
    word: (w: string) => this.table.hit(this.table.slot(this.wordKey(w)), this.doc, this.titleBit),
  };

  /** Index one document: its title (marked as such) and its text; ids must ascend across calls. */
  add(doc: number, title: string, text: string): void {
    this.doc = doc;
    this.titleBit = 1;
    scanText(title, this.sink);
    this.titleBit = 0;
    scanText(text, this.sink);
  }

  /** Whether nothing was added since the last `encode`. */
  get empty(): boolean {
    return this.table.size === 0;
  }

  /** One segment of blocks per shard (empty where no token falls), blocks in token order, and the batch cleared. */
  encode(shardCount: number): Uint8Array[] {
    // Grouped by shard first, so every block goes into one buffer and each shard is a slice of it.
    const tokens: string[] = [];
    const shards: number[] = [];
    const ranges: number[] = [];
    let docs: Int32Array = new Int32Array(0);
    let values: Int32Array = new Int32Array(0);
    this.table.forEach((key, d, v, start, count) => {
      const token = this.token(key);
      tokens.push(token);
      shards.push(shardOf(token, shardCount));
      ranges.push(start, count);
      docs = d;
      values = v;
    });
    const ends = new Int32Array(shardCount + 1);
    for (const shard of shards) ends[shard + 1] = (ends[shard + 1] as number) + 1;
    for (let s = 0; s < shardCount; s++) ends[s + 1] = (ends[s + 1] as number) + (ends[s] as number);
    const order = new Int32Array(tokens.length);
    const cursor = ends.slice(0, shardCount);
    shards.forEach((shard, i) => (order[(cursor[shard] as number)++] = i));
    // Within a shard, blocks go in token order: a batch's segment is then the same bytes whenever its
    // postings are, whatever order the tokens were first met in, so a build that indexes a batch again
    // leaves a shard's bytes as they were when that batch's postings there did not change.
    const byToken = (a: number, b: number): number => {
      const x = tokens[a] as string;
      const y = tokens[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    };
    for (let s = 0; s < shardCount; s++) order.subarray(ends[s], ends[s + 1]).sort(byToken);
    const writer = new ByteWriter(1 << 20);
    const cuts = new Int32Array(shardCount + 1);
    for (let s = 0, at = 0; s < shardCount; s++) {
      for (; at < (ends[s + 1] as number); at++) {
        const i = order[at] as number;
        writer.block(tokens[i] as string, docs, values, ranges[2 * i + 1] as number, ranges[2 * i] as number);
      }
      cuts[s + 1] = writer.length;
    }
    this.table.clear();
    this.words = new Map();
    this.wordList = [];
    const bytes = writer.result();
    return Array.from({ length: shardCount }, (_, s) => bytes.subarray(cuts[s], cuts[s + 1]));
  }

  private pairKey(a: number, b: number): number {
    const ia = this.charId(a);
    const ib = this.charId(b);
    // Past 32,768 distinct characters (never seen in practice) a bigram is stored as a word.
    if (ia < 0 || ib < 0) return this.wordKey(String.fromCharCode(a, b));
    return pairBase + ia * maxCharIds + ib;
  }

  private charId(c: number): number {
    let id = this.charIds[c] as number;
    if (id === -1 && this.idChars.length < maxCharIds) {
      id = this.idChars.push(c) - 1;
      this.charIds[c] = id;
    }
    return id;
  }

  private wordKey(word: string): number {
    let id = this.words.get(word);
    if (id === undefined) {
      id = this.wordList.push(word) - 1;
      this.words.set(word, id);
    }
    return wordBase + id;
  }

  private token(key: number): string {
    if (key < pairBase) return String.fromCharCode(key);
    if (key >= wordBase) return this.wordList[key - wordBase] as string;
    const pair = key - pairBase;
    return String.fromCharCode(this.idChars[Math.floor(pair / maxCharIds)] as number, this.idChars[pair % maxCharIds] as number);
  }
}
