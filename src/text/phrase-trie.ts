/**
 * One OpenCC dictionary group as a trie in typed arrays.
 *
 * opencc-js builds its trie from a `Map` per node: about 50 MB of memory for the Simplified to
 * Traditional phrases, in every thread that converts. The same trie as typed arrays takes 2 MB, in
 * shared memory, so the render and mirror threads use the one the main thread built. It converts the
 * same way: from each position the longest key that starts there is replaced; where none starts, one
 * code point (or a whole ideographic description sequence) is kept.
 * `tests/unit/text/phrase-trie.test.ts` holds it to opencc-js's output.
 */
export class PhraseTrie {
  private readonly rootChild: Int32Array;
  private readonly firstChild: Int32Array;
  private readonly childCount: Int32Array;
  private readonly label: Uint16Array;
  private readonly valueOf: Int32Array;
  /** Replacements decoded so far from `data.valueUnits`: each thread decodes only those its pages use. */
  private readonly values: (string | undefined)[] = [];
  /** The node of the key `longestKeyEnd` last found. */
  private lastNode = 0;

  private constructor(readonly data: PhraseTrieData) {
    ({ rootChild: this.rootChild, firstChild: this.firstChild, childCount: this.childCount, label: this.label, valueOf: this.valueOf } = data);
  }

  /**
   * The trie of one dictionary group, as opencc-js's `Trie.loadDictGroup` loads it: the first
   * dictionary wins a key two of them hold, and within one dictionary the last entry does.
   * Each dictionary is opencc-js's packed form, `key value|key value|...`.
   */
  static fromDictionaries(dictionaries: readonly string[]): PhraseTrie {
    const entries = new Map<string, string>();
    for (const dictionary of [...dictionaries].reverse()) {
      for (const line of dictionary.split('|')) {
        const [key = '', value] = line.split(' ');
        if (value === undefined) throw new TypeError(`OpenCC dictionary entry without a replacement: "${line}"`);
        if (key !== '') entries.set(key, value);
      }
    }
    return new PhraseTrie(trieData(entries));
  }

  /** A trie over another's `data`, which is shared memory: for a worker thread, at no cost. */
  static fromData(data: PhraseTrieData): PhraseTrie {
    return new PhraseTrie(data);
  }

  /** The text with every match replaced; the same string when nothing matched. */
  convert(text: string): string {
    const length = text.length;
    let converted = '';
    let kept = 0;
    for (let i = 0; i < length; ) {
      const node = this.rootChild[text.charCodeAt(i)] ?? 0;
      if (node !== 0) {
        const end = this.longestKeyEnd(text, i, node);
        if (end > i) {
          converted += text.slice(kept, i) + this.value(this.valueOf[this.lastNode] ?? 0);
          i = kept = end;
          continue;
        }
      }
      i += unmatchedLength(text, i);
    }
    return kept === 0 ? text : converted + text.slice(kept);
  }

  private value(index: number): string {
    const { valueStart, valueUnits } = this.data;
    return (this.values[index] ??= String.fromCharCode(...valueUnits.subarray(valueStart[index], valueStart[index + 1])));
  }

  /** Where the longest key starting at `start` ends (its first unit led to `node`), or `start` when none does. */
  private longestKeyEnd(text: string, start: number, node: number): number {
    const { firstChild, childCount, label, valueOf } = this;
    let end = start;
    for (let i = start + 1; ; i++) {
      if ((valueOf[node] ?? -1) >= 0) {
        end = i;
        this.lastNode = node;
      }
      if (i >= text.length) return end;
      const unit = text.charCodeAt(i);
      let low = firstChild[node] ?? 0;
      let high = low + (childCount[node] ?? 0) - 1;
      node = 0;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const middleLabel = label[middle] ?? 0;
        if (middleLabel === unit) {
          node = middle;
          break;
        }
        if (middleLabel < unit) low = middle + 1;
        else high = middle - 1;
      }
      if (node === 0) return end;
    }
  }
}

/**
 * A trie's arrays, each in a SharedArrayBuffer: sent to a worker thread, they are shared, not copied.
 * Node 0 is the root.
 */
export interface PhraseTrieData {
  /** The node a BMP code unit leads to from the root, or 0 for none. */
  readonly rootChild: Int32Array;
  /** A node's children are `firstChild[n]` and the `childCount[n] - 1` nodes after it, sorted by label. */
  readonly firstChild: Int32Array;
  readonly childCount: Int32Array;
  /** The UTF-16 code unit on the edge into each node. */
  readonly label: Uint16Array;
  /** The replacement for the key ending at each node, as an index into the values, or -1 where no key ends. */
  readonly valueOf: Int32Array;
  /** Replacement `i` is `valueUnits[valueStart[i], valueStart[i + 1])`. */
  readonly valueStart: Int32Array;
  readonly valueUnits: Uint16Array;
}

/**
 * The trie built from the keys in code unit order: the keys below a node form one run of that order,
 * so each node's children are numbered together and in label order. Walking by code unit finds the
 * same keys as opencc-js's walk by code point, since every key ends on a whole code point.
 */
function trieData(entries: ReadonlyMap<string, string>): PhraseTrieData {
  const keys = [...entries.keys()].sort();
  const keyAt = (i: number): string => keys[i] ?? '';
  const values: string[] = [];
  const valueIndex = new Map<string, number>();
  const firstChild: number[] = [0];
  const childCount: number[] = [0];
  const label: number[] = [0];
  const valueOf: number[] = [-1];

  /** Fill in `node`, whose keys are `keys[low, high)`, all sharing their first `depth` units. */
  const fill = (node: number, low: number, high: number, depth: number): void => {
    if (low < high && keyAt(low).length === depth) {
      const value = entries.get(keyAt(low)) ?? '';
      let index = valueIndex.get(value);
      if (index === undefined) valueIndex.set(value, (index = values.push(value) - 1));
      valueOf[node] = index;
      low++;
    }
    const first = label.length;
    firstChild[node] = first;
    for (let i = low; i < high; i++) {
      const unit = keyAt(i).charCodeAt(depth);
      if (i > low && unit === keyAt(i - 1).charCodeAt(depth)) continue;
      firstChild.push(0);
      childCount.push(0);
      label.push(unit);
      valueOf.push(-1);
    }
    childCount[node] = label.length - first;
    let child = first;
    for (let i = low; i < high; child++) {
      const unit = keyAt(i).charCodeAt(depth);
      let end = i + 1;
      while (end < high && keyAt(end).charCodeAt(depth) === unit) end++;
      fill(child, i, end, depth + 1);
      i = end;
    }
  };
  fill(0, 0, keys.length, 0);

  const rootChild = shared(Int32Array, 0x10000);
  for (let child = 1; child <= (childCount[0] ?? 0); child++) rootChild[label[child] ?? 0] = child;
  const valueStart = shared(Int32Array, values.length + 1);
  values.forEach((value, i) => (valueStart[i + 1] = (valueStart[i] ?? 0) + value.length));
  const valueUnits = shared(Uint16Array, valueStart[values.length] ?? 0);
  values.forEach((value, i) => {
    for (let unit = 0; unit < value.length; unit++) valueUnits[(valueStart[i] ?? 0) + unit] = value.charCodeAt(unit);
  });
  return {
    rootChild,
    firstChild: shared(Int32Array, firstChild),
    childCount: shared(Int32Array, childCount),
    label: shared(Uint16Array, label),
    valueOf: shared(Int32Array, valueOf),
    valueStart,
    valueUnits,
  };
}

/** A typed array in shared memory: zeroed to `length`, or holding `numbers`. */
function shared<T extends Int32Array | Uint16Array>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, init: number | readonly number[]): T {
  const length = typeof init === 'number' ? init : init.length;
  const array = new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
  if (typeof init !== 'number') array.set(init);
  return array;
}

/** How far opencc-js steps past a position where no key starts: a whole ideographic description sequence, or one code point. */
export function unmatchedLength(text: string, i: number): number {
  const end = descriptionSequenceEnd(text, i);
  return end > i ? end - i : codePointLength(text, i);
}

function codePointLength(text: string, i: number): number {
  return (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

/** The number of components an ideographic description character (U+2FF0–U+2FFF) takes. */
function descriptionArity(codePoint: number): number {
  if (codePoint >= 0x2ff0 && codePoint <= 0x2ff1) return 2;
  if (codePoint >= 0x2ff2 && codePoint <= 0x2ff3) return 3;
  if (codePoint >= 0x2ff4 && codePoint <= 0x2fff) return 2;
  return 0;
}

/** Where the ideographic description sequence starting at `i` ends, or 0 when none starts there or it runs off the text. */
function descriptionSequenceEnd(text: string, i: number): number {
  const arity = descriptionArity(text.codePointAt(i) ?? 0);
  if (arity === 0) return 0;
  let end = i + codePointLength(text, i);
  for (let component = 0; component < arity; component++) {
    if (end >= text.length) return 0;
    const nestedEnd = descriptionSequenceEnd(text, end);
    end = nestedEnd || end + codePointLength(text, end);
  }
  return end;
}
