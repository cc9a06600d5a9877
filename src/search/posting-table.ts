/**
 * Postings of many tokens in flat typed arrays: an open-addressing hash from integer keys to
 * slots, and (slot, document, value) entries appended in one shared pool. A 10,000-
 * article batch makes millions of postings; one JS array per token cost seconds of GC.
 */
export class PostingTable {
  private keys = new Int32Array(1 << 16).fill(-1);
  private slotOfKey = new Int32Array(1 << 16);
  // Fibonacci hashing takes the product's high bits: its low bits would repeat the key's low bits.
  private shift = 32 - 16;
  private slots = 0;
  // Keys below 65536 (single CJK characters, the most frequent) skip the hash.
  private readonly direct = new Int32Array(65536).fill(-1);
  private lastDoc = new Int32Array(1 << 12);
  private tail = new Int32Array(1 << 12);
  private counts = new Int32Array(1 << 12);
  private entryDoc = new Int32Array(1 << 16);
  private entryValue = new Int32Array(1 << 16);
  private entrySlot = new Int32Array(1 << 16);
  private entries = 0;

  /** The number of distinct keys. */
  get size(): number {
    return this.slots;
  }

  /** The slot of a key (a non-negative integer below 2^31), made on first use. */
  slot(key: number): number {
    if (key < 65536) {
      const known = this.direct[key] as number;
      if (known !== -1) return known;
      const slot = this.newSlot();
      this.direct[key] = slot;
      return slot;
    }
    const mask = this.keys.length - 1;
    let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const found = this.keys[at] as number;
      if (found === key) return this.slotOfKey[at] as number;
      if (found === -1) break;
      at = (at + 1) & mask;
    }
    const slot = this.newSlot();
    this.keys[at] = key;
    this.slotOfKey[at] = slot;
    if (this.slots * 2 > this.keys.length) this.rehash();
    return slot;
  }

  /** Count one occurrence in a document: a new entry `2 | titleBit`, or 2 more on the document's entry. */
  hit(slot: number, doc: number, titleBit: number): void {
    if (this.lastDoc[slot] === doc) {
      const entry = this.tail[slot] as number;
      this.entryValue[entry] = (this.entryValue[entry] as number) + 2;
      return;
    }
    if (this.entries === this.entryDoc.length) this.growEntries();
    const entry = this.entries++;
    this.entrySlot[entry] = slot;
    this.entryDoc[entry] = doc;
    this.entryValue[entry] = 2 | titleBit;
    this.tail[slot] = entry;
    this.lastDoc[slot] = doc;
    this.counts[slot] = (this.counts[slot] as number) + 1;
  }

  /**
   * Visit every key's postings, documents ascending: `count` entries of `docs`/`values` from
   * `start`. Entries are sorted by slot once (a counting sort), not chased through lists.
   */
  forEach(visit: (key: number, docs: Int32Array, values: Int32Array, start: number, count: number) => void): void {
    const starts = new Int32Array(this.slots);
    for (let slot = 0, at = 0; slot < this.slots; slot++) {
      starts[slot] = at;
      at += this.counts[slot] as number;
    }
    const cursor = starts.slice();
    const docs = new Int32Array(this.entries);
    const values = new Int32Array(this.entries);
    for (let entry = 0; entry < this.entries; entry++) {
      const slot = this.entrySlot[entry] as number;
      const at = cursor[slot] as number;
      cursor[slot] = at + 1;
      docs[at] = this.entryDoc[entry] as number;
      values[at] = this.entryValue[entry] as number;
    }
    for (let key = 0; key < 65536; key++) {
      const slot = this.direct[key] as number;
      if (slot !== -1) visit(key, docs, values, starts[slot] as number, this.counts[slot] as number);
    }
    for (let at = 0; at < this.keys.length; at++) {
      const key = this.keys[at] as number;
      if (key === -1) continue;
      const slot = this.slotOfKey[at] as number;
      visit(key, docs, values, starts[slot] as number, this.counts[slot] as number);
    }
  }

  /** Forget every key and entry, keeping the grown arrays for the next batch. */
  clear(): void {
    this.keys.fill(-1);
    this.direct.fill(-1);
    this.slots = 0;
    this.entries = 0;
  }

  private newSlot(): number {
    if (this.slots === this.lastDoc.length) {
      this.lastDoc = grow(this.lastDoc, -1);
      this.tail = grow(this.tail, 0);
      this.counts = grow(this.counts, 0);
    }
    const slot = this.slots++;
    this.lastDoc[slot] = -1;
    this.counts[slot] = 0;
    return slot;
  }

  private growEntries(): void {
    this.entryDoc = grow(this.entryDoc, 0);
    this.entryValue = grow(this.entryValue, 0);
    this.entrySlot = grow(this.entrySlot, 0);
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slotOfKey;
    this.keys = new Int32Array(oldKeys.length * 2).fill(-1);
    this.slotOfKey = new Int32Array(oldKeys.length * 2);
    this.shift--;
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i] as number;
      if (key === -1) continue;
      let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.keys[at] !== -1) at = (at + 1) & mask;
      this.keys[at] = key;
      this.slotOfKey[at] = oldSlots[i] as number;
    }
  }
}

function grow(array: Int32Array, fill: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2).fill(fill);
  grown.set(array);
  return grown;
}
