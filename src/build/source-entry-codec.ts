import type { PartCodec } from '../cache/manifest-parts.js';
import type { Article, ZonedDate } from '../content/types.js';
import type { ManifestEntry } from './source-manifest.js';

/**
 * How a part of the source manifest (`sources.bin`, up to 256 entries) holds its entries, so
 * that loading one builds each entry from object literals of fixed shape instead of v8 rebuilding
 * every object key by key from property names written again for every entry.
 *
 * A part is `{ stamps, rows }`. `rows` is one flat array: for each entry its name, then either
 * - the entry itself (the fallback: any entry whose shape is not exactly the one below), or
 * - a number, the row's mask, then `rowWidth` values in a fixed order (the key, the location's
 *   pack, offset and length, the outcome's fields, the article's fields with the date's ten
 *   fields in place of the date), then the article's optional fields that are present, in
 *   `articleOptionalKeys` order (bit i of the mask: the i-th one is present).
 * `stamps` holds the four stamp fields of each row entry in turn (a BigUint64Array).
 *
 * An entry takes the row form only when every object decomposed (entry, stamp, location, outcome,
 * article, date) has exactly the keys, in the order, that the decoder's literals give back, the
 * stamp's fields fit in 64 unsigned bits, and the article's `updated` is not its `date` object:
 * then `v8.serialize` of the decoded entry equals that of the original, byte for byte. Every other
 * value (tags, sections, extra, repairs, diagnostics, updated...) lies in the row as it is and is
 * serialized by v8 as before. The decomposed objects are taken to be a tree, referred to by no
 * other value (as the pipeline makes them): a reference to one from inside `extra` would come
 * back as a copy.
 */
export const sourceEntryCodec: PartCodec<ManifestEntry> = { encode: encodeEntries, decode: decodeEntries };

// The key orders the pipeline makes (`toArticle`, `zonedDate`, `processSource`, `stampOf`,
// `SourceManifest.record`): the decoder below writes its literals in these orders.
const entryKeys = ['stamp', 'key', 'location', 'outcome'] as const;
const stampKeys = ['ino', 'size', 'mtimeNs', 'ctimeNs'] as const;
const locationKeys = ['pack', 'offset', 'length'] as const;
const outcomeKeys = ['path', 'article', 'encoding', 'decidedBy', 'confidence', 'repairs', 'diagnostics'] as const;

/** The ZonedDate keys in the order `zonedDate` makes them. */
export const zonedDateKeys = ['epochMs', 'year', 'month', 'day', 'hour', 'minute', 'second', 'weekday', 'hasTime', 'iso'] as const;

/** The keys every article has, in the order `toArticle` makes them. */
export const articleKeys = [
  'sourcePath', 'format', 'slug', 'url', 'title', 'date', 'tags', 'summary', 'draft', 'html', 'text', 'sections', 'charCount', 'readingMinutes', 'extra',
] as const;

/** The keys an article has only when set, in the order `toArticle` appends them. */
export const articleOptionalKeys = ['updated', 'column', 'source', 'editor', 'author', 'cover'] as const;

// A key added to Article or ZonedDate and not placed in these lists fails to compile here.
type Unlisted<T, L extends readonly string[]> = Exclude<keyof T, L[number]>;
const everyKeyListed: [Unlisted<Article, [...typeof articleKeys, ...typeof articleOptionalKeys]> | Unlisted<ZonedDate, typeof zonedDateKeys>] extends [never] ? true : never = true;
void everyKeyListed;

// Values in a row after its mask, before the optional ones.
const rowWidth = 1 + locationKeys.length + outcomeKeys.length - 1 + articleKeys.length - 1 + zonedDateKeys.length;

const maxStamp = (1n << 64n) - 1n;

/** The value of one manifest part holding `entries` (see `sourceEntryCodec`). */
export function encodeEntries(entries: readonly (readonly [string, ManifestEntry])[]): { stamps: BigUint64Array; rows: unknown[] } {
  const stamps = new BigUint64Array(entries.length * 4);
  const rows: unknown[] = [];
  let count = 0;
  for (const [name, entry] of entries) {
    const mask = rowMask(entry);
    rows.push(name);
    if (mask === undefined) {
      rows.push(entry);
      continue;
    }
    const { stamp, location, outcome } = entry;
    stamps.set([stamp.ino, stamp.size, stamp.mtimeNs, stamp.ctimeNs], count++ * 4);
    const o = outcome as Required<typeof outcome>;
    const a = o.article;
    const d = a.date;
    rows.push(mask, entry.key, location.pack, location.offset, location.length, o.path, o.encoding, o.decidedBy, o.confidence, o.repairs, o.diagnostics);
    rows.push(a.sourcePath, a.format, a.slug, a.url, a.title, d.epochMs, d.year, d.month, d.day, d.hour, d.minute, d.second, d.weekday, d.hasTime, d.iso);
    rows.push(a.tags, a.summary, a.draft, a.html, a.text, a.sections, a.charCount, a.readingMinutes, a.extra);
    for (let bit = 0; bit < articleOptionalKeys.length; bit++) if (mask & (1 << bit)) rows.push(a[articleOptionalKeys[bit] as keyof Article]);
  }
  return { stamps: count * 4 === stamps.length ? stamps : stamps.slice(0, count * 4), rows };
}

/** Hand each entry of a manifest part made by `encodeEntries` to `add`, in order; throws on a value it did not make. */
export function decodeEntries(part: unknown, add: (name: string, entry: ManifestEntry) => void): void {
  const { stamps, rows } = (part ?? {}) as { stamps?: unknown; rows?: unknown };
  if (!(stamps instanceof BigUint64Array) || !Array.isArray(rows)) throw new Error('not a source manifest part');
  let count = 0;
  for (let at = 0; at < rows.length; ) {
    const name = rows[at] as string;
    const mask: unknown = rows[at + 1];
    if (typeof mask !== 'number') {
      add(name, mask as ManifestEntry);
      at += 2;
      continue;
    }
    add(name, rowEntry(rows, at + 2, mask, stamps, count++ * 4));
    at += 2 + rowWidth + bitCount(mask);
  }
  if (count * 4 !== stamps.length) throw new Error('a source manifest part does not add up');
}

// The literals below are in the orders of the key lists above (a test round-trips real outcomes through them).
function rowEntry(r: readonly unknown[], at: number, mask: number, stamps: BigUint64Array, s: number): ManifestEntry {
  const date = { epochMs: r[at + 15], year: r[at + 16], month: r[at + 17], day: r[at + 18], hour: r[at + 19], minute: r[at + 20], second: r[at + 21], weekday: r[at + 22], hasTime: r[at + 23], iso: r[at + 24] };
  const article: Record<string, unknown> = {
    sourcePath: r[at + 10], format: r[at + 11], slug: r[at + 12], url: r[at + 13], title: r[at + 14], date,
    tags: r[at + 25], summary: r[at + 26], draft: r[at + 27], html: r[at + 28], text: r[at + 29], sections: r[at + 30], charCount: r[at + 31], readingMinutes: r[at + 32], extra: r[at + 33],
  };
  let next = at + rowWidth;
  for (let bit = 0; bit < articleOptionalKeys.length; bit++) if (mask & (1 << bit)) article[articleOptionalKeys[bit] as string] = r[next++];
  const outcome = { path: r[at + 4], article, encoding: r[at + 5], decidedBy: r[at + 6], confidence: r[at + 7], repairs: r[at + 8], diagnostics: r[at + 9] };
  const stamp = { ino: stamps[s], size: stamps[s + 1], mtimeNs: stamps[s + 2], ctimeNs: stamps[s + 3] };
  return { stamp, key: r[at], location: { pack: r[at + 1], offset: r[at + 2], length: r[at + 3] }, outcome } as unknown as ManifestEntry;
}

// The row mask of an entry of exactly the row shape, else undefined.
function rowMask(entry: ManifestEntry): number | undefined {
  const { stamp, location, outcome } = entry;
  if (!hasKeys(entry, entryKeys) || !hasKeys(stamp, stampKeys) || !hasKeys(location, locationKeys) || !hasKeys(outcome, outcomeKeys)) return undefined;
  if (!Object.values(stamp).every((value) => typeof value === 'bigint' && value >= 0n && value <= maxStamp)) return undefined;
  const article: unknown = outcome.article;
  if (!isPlainObject(article) || !hasKeys(article.date, zonedDateKeys) || article.updated === article.date) return undefined;
  return optionalMask(Object.keys(article));
}

// The mask of the optional keys after the required ones, or undefined when the keys are not exactly those, in order.
function optionalMask(keys: readonly string[]): number | undefined {
  if (keys.length < articleKeys.length || articleKeys.some((key, i) => keys[i] !== key)) return undefined;
  let mask = 0;
  let bit = 0;
  for (const key of keys.slice(articleKeys.length)) {
    while (bit < articleOptionalKeys.length && articleOptionalKeys[bit] !== key) bit++;
    if (bit === articleOptionalKeys.length) return undefined;
    mask |= 1 << bit++;
  }
  return mask;
}

function hasKeys(value: unknown, expected: readonly string[]): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === expected.length && expected.every((key, i) => keys[i] === key);
}

// An object v8 serializes as a plain object (a class instance too), which no literal could stand for when it is an array, Date, Map...
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}
