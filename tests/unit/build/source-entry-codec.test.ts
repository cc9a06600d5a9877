import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { articleKeys, articleOptionalKeys, decodeEntries, encodeEntries, sourceEntryCodec, zonedDateKeys } from '../../../src/build/source-entry-codec.js';
import { loadManifest } from '../../../src/build/source-manifest-file.js';
import { withoutBody, type ManifestEntry, type SourceStamp } from '../../../src/build/source-manifest.js';
import { processSource, type SourceOutcome } from '../../../src/build/source-pipeline.js';
import { ManifestWriter } from '../../../src/cache/manifest-parts.js';
import { resolveConfig } from '../../../src/config/resolve.js';
import { newsText } from '../../helpers/properties.js';

const config = resolveConfig(
  JSON.stringify({ title: '测试', baseUrl: 'https://news.example.gov.cn', columns: [{ key: 'news', name: '工作动态' }, { key: 'notice', name: '通知公告' }] }),
  'site.config.json',
);

type Entry = readonly [string, ManifestEntry];

/** Entries through the codec and v8 bytes, as a manifest part is written and read. */
function roundTrip(entries: readonly Entry[]): { decoded: [string, ManifestEntry][]; rowForm: number } {
  const encoded = encodeEntries(entries);
  const decoded: [string, ManifestEntry][] = [];
  decodeEntries(deserialize(serialize(encoded)), (name, entry) => decoded.push([name, entry]));
  return { decoded, rowForm: encoded.stamps.length / 4 };
}

/** v8's bytes for each entry: equal bytes mean the same keys in the same order, the same absent and undefined fields, the same values. */
function bytesOf(entries: readonly Entry[]): [string, string][] {
  return entries.map(([name, entry]) => [name, serialize(entry).toString('hex')]);
}

/**
 * The bytes of each entry after a v8 round trip, as a manifest of whole entries gave it back: the
 * reference. (Not the bytes of the original: v8 gives back arrays with holey elements, which it
 * then writes in its sparse form, so even a v8 round trip changes those bytes.)
 */
function v8BytesOf(entries: readonly Entry[]): [string, string][] {
  return bytesOf(entries.map(([name, entry]) => [name, deserialize(serialize(entry)) as ManifestEntry]));
}

function sourceOutcome(text: string, contentPath = 'news/a.md'): SourceOutcome {
  return processSource({ path: `content/${contentPath}`, contentPath, bytes: Buffer.from(text) }, config);
}

const stamp: SourceStamp = { ino: 12345n, size: 2048n, mtimeNs: 1_700_000_000_123_456_789n, ctimeNs: 1_700_000_000_123_456_789n };

function entryOf(outcome: SourceOutcome, stampOf: SourceStamp = stamp): ManifestEntry {
  return { stamp: stampOf, key: 'ab'.repeat(32), location: { pack: '20261128-1-x', offset: 64, length: 1500 }, outcome: withoutBody(outcome) };
}

const everyField = [
  '---',
  'title: 市政府召开常务会议',
  'date: 2024-03-05 09:30',
  'updated: 2024-03-06',
  'source: 市政府办公室',
  'editor: 王编辑',
  'author: 李记者',
  'column: notice',
  'tags: [民生, 教育]',
  'summary: 会议研究了民生工作。',
  'cover: /images/cover.jpg',
  'slug: council-meeting',
  'draft: false',
  'priority: 3',
  'meta: {a: [1, 2, {b: 空}], c: ""}',
  '---',
  '## 会议内容',
  '',
  '会议研究部署了**民生**工作。',
].join('\n');

describe('the source entry codec on outcomes of the real pipeline', () => {
  it('takes the row form for an article with every optional field, in the key orders toArticle and zonedDate make', () => {
    const entry = entryOf(sourceOutcome(everyField));
    const article = entry.outcome.article;
    expect(Object.keys(article ?? {})).toEqual([...articleKeys, ...articleOptionalKeys]);
    expect(Object.keys(article?.date ?? {})).toEqual(zonedDateKeys);
    const { decoded, rowForm } = roundTrip([['/site/content/news/a.md', entry]]);
    expect(rowForm).toBe(1);
    expect(bytesOf(decoded)).toEqual(v8BytesOf([['/site/content/news/a.md', entry]]));
    expect(decoded[0]?.[1].outcome.article?.updated?.iso).toBe('2024-03-06T00:00:00+08:00');
  });

  const optionalLine = fc.constantFrom(
    'updated: 2024-02-01 08:00', 'source: 新华社', 'editor: 张三', 'author: ""', 'column: news', 'column: notice', 'cover: a.jpg',
    'summary: 摘要', 'tags: 教育, 民生', 'slug: x-1', 'draft: true', 'extra: {deep: {deeper: [1, "二", null]}}', 'empty: ""',
    'list: []', '"__proto__": {polluted: true}', 'number: 12.5', 'date: 不是日期', 'title: [列表]',
  );
  const source = fc
    .tuple(newsText(20), fc.constantFrom('2024-01-05', '2023-12-31 23:59', '2024-02-29T08:00:00+08:00'), fc.uniqueArray(optionalLine, { maxLength: 8 }), newsText(80))
    .map(([title, date, lines, body]) => ['---', `title: ${JSON.stringify(`${title}题`)}`, `date: ${date}`, ...lines, '---', '## 小标题', body].join('\n'));
  const stampArbitrary = fc.record({
    ino: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    size: fc.bigInt({ min: 0n, max: 1n << 40n }),
    // Now and then before 1970, which the row form cannot hold.
    mtimeNs: fc.oneof({ weight: 9, arbitrary: fc.bigInt({ min: 0n, max: 1n << 62n }) }, { weight: 1, arbitrary: fc.bigInt({ min: -(1n << 62n), max: -1n }) }),
    ctimeNs: fc.bigInt({ min: 0n, max: 1n << 64n }),
  });

  it('gives back, byte for byte, what v8 gives back, and takes the row form for every article whose stamp fits', () => {
    const seen = { rows: 0, whole: 0, optional: 0 };
    fc.assert(
      fc.property(fc.array(fc.tuple(source, stampArbitrary), { minLength: 1, maxLength: 12 }), (cases) => {
        const entries = cases.map(([text, stampOf], i): Entry => {
          const outcome = sourceOutcome(text, `news/a${i}.md`);
          return [`/site/content/news/a${i}`, entryOf(outcome, stampOf)];
        });
        const { decoded, rowForm } = roundTrip(entries);
        expect(bytesOf(decoded)).toEqual(v8BytesOf(entries));
        const fits = (s: SourceStamp) => Object.values(s).every((v) => v >= 0n && v < 1n << 64n);
        expect(rowForm).toBe(entries.filter(([, e]) => e.outcome.article !== undefined && fits(e.stamp)).length);
        seen.rows += rowForm;
        seen.whole += entries.length - rowForm;
        seen.optional += entries.filter(([, e]) => articleOptionalKeys.filter((k) => e.outcome.article?.[k] !== undefined).length >= 3).length;
      }),
      { numRuns: 150 },
    );
    // The generator must reach both forms, and articles with several optional fields.
    expect(Math.min(seen.rows, seen.whole, seen.optional)).toBeGreaterThan(50);
  });
});

// Shapes the pipeline does not make today, each made from a real entry.
const base = entryOf(sourceOutcome(everyField));
const baseArticle = base.outcome.article as unknown as Record<string, unknown>;
const withArticle = (article: Record<string, unknown>): ManifestEntry => ({ ...base, outcome: { ...base.outcome, article: article as never } });
class Stamp {
  constructor(readonly ino: bigint, readonly size: bigint, readonly mtimeNs: bigint, readonly ctimeNs: bigint) {}
}

describe('the source entry codec on other shapes', () => {
  it.each<[string, () => ManifestEntry, boolean]>([
    ['a failed outcome without an article', () => entryOf(sourceOutcome('---\ndate: 2024-01-01\n---\n正文')), false],
    ['an outcome failed before decoding (no encoding, decidedBy or confidence)', () => ({ ...base, outcome: { path: 'content/a.md', repairs: [], diagnostics: [] } }), false],
    ['an article whose body is still in it', () => ({ ...base, outcome: sourceOutcome(everyField) }), true],
    ['extra with nested objects, Dates, a "__proto__" key and empty strings', () => withArticle({ ...baseArticle, extra: JSON.parse('{"__proto__": {"x": ""}, "n": {"d": [1, {"e": ""}]}}') as object }), true],
    ['extra holding a Date', () => withArticle({ ...baseArticle, extra: { at: new Date(0), nested: { at: new Date(1) } } }), true],
    ['empty strings where text goes', () => withArticle({ ...baseArticle, title: '', summary: '', source: '', cover: '' }), true],
    ['an optional field present but undefined', () => withArticle({ ...baseArticle, editor: undefined }), true],
    ['no optional field at all', () => withArticle(Object.fromEntries(articleKeys.map((k) => [k, baseArticle[k]]))), true],
    ['a date at the epoch (a small integer where the other rows hold doubles)', () => withArticle({ ...baseArticle, date: { ...(baseArticle.date as object), epochMs: 0 } }), true],
    ['an unknown article key', () => withArticle({ ...baseArticle, subtitle: '副标题' }), false],
    ['optional keys out of their order', () => withArticle({ ...Object.fromEntries(articleKeys.map((k) => [k, baseArticle[k]])), cover: 'c.jpg', column: 'news' }), false],
    ['updated being the date object itself', () => withArticle({ ...baseArticle, updated: baseArticle.date }), false],
    ['a date with a key more', () => withArticle({ ...baseArticle, date: { ...(baseArticle.date as object), zone: 'Asia/Shanghai' } }), false],
    ['a date as a Date', () => withArticle({ ...baseArticle, date: new Date(0) }), false],
    ['an article as an array', () => withArticle(Object.assign([], baseArticle)), false],
    ['a stamp before 1970', () => ({ ...base, stamp: { ...stamp, mtimeNs: -1n } }), false],
    ['a stamp past 64 bits', () => ({ ...base, stamp: { ...stamp, ino: 1n << 64n } }), false],
    ['a stamp as a class instance', () => ({ ...base, stamp: new Stamp(1n, 2n, 3n, 4n) }), false],
    ['an entry with a key more', () => ({ ...base, note: 1 }) as ManifestEntry, false],
    ['a location in another key order', () => ({ ...base, location: { offset: 64, pack: 'p', length: 9 } }), false],
  ])('%s (row form: %s)', (_, make, row) => {
    const entries: Entry[] = [['/site/content/before.md', base], ['/site/content/odd.md', make()], ['/site/content/after.md', base]];
    const { decoded, rowForm } = roundTrip(entries);
    expect(bytesOf(decoded)).toEqual(v8BytesOf(entries));
    expect(rowForm).toBe(row ? 3 : 2);
  });

  it('refuses a part it did not make (the entries of a BSM1 manifest)', () => {
    expect(() => decodeEntries([['/site/content/a.md', base]], () => undefined)).toThrow('not a source manifest part');
  });
});

describe('a source manifest file written with the codec', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-codec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'sources.bin');
  const head = { salt: 'salt', readStartNs: 5n, generation: 'g1' };
  // Several parts, the fallback and the row form mixed.
  const entries: Entry[] = Array.from({ length: 1100 }, (_, i) => [`/site/content/a${i}.md`, i % 7 === 0 ? { ...base, stamp: { ...stamp, mtimeNs: -BigInt(i) } } : { ...base, key: `k${i}` }]);
  const writer = ManifestWriter.open(file, head, sourceEntryCodec);
  for (const [name, entry] of entries) writer.add(name, entry);
  writer.finish();

  it('loads every entry as it was, in order', () => {
    const loaded = loadManifest(file, path.join(dir, 'sources.journal'), 'salt');
    expect(bytesOf([...(loaded?.entries ?? [])])).toEqual(v8BytesOf(entries));
  });

  it('is no manifest under the old magic (BSM1)', () => {
    const old = path.join(dir, 'old.bin');
    const bytes = readFileSync(file);
    bytes.write('BSM1', 0, 'latin1');
    writeFileSync(old, bytes);
    expect(loadManifest(old, path.join(dir, 'old.journal'), 'salt')).toBeUndefined();
  });
});
