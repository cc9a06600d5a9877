import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendJournal, readJournal } from '../../../src/cache/manifest-journal.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deltas = [
  { readStartNs: 1n, entries: [['/site/content/一.md', { key: 'k1' }]], removed: [] },
  { readStartNs: 2n, entries: [['/site/content/二.md', { key: 'k2' }]], removed: ['/site/content/一.md'] },
  { readStartNs: 3n, entries: [], removed: ['/site/content/二.md'] },
];

describe('manifest journal', () => {
  const file = path.join(dir, 'sources.journal');
  const sizes = deltas.map((delta) => appendJournal(file, delta));
  const whole = readFileSync(file);
  // Where each part begins and ends.
  const ends = sizes.map((_, i) => sizes.slice(0, i + 1).reduce((a, b) => a + b, 0));

  it('reads back every value in the order appended, each part the size reported', () => {
    expect(readJournal(file)).toEqual({ values: deltas, intact: true });
    expect(whole.length).toBe(ends[2]);
  });

  it('is empty and intact when there is no journal', () => {
    expect(readJournal(path.join(dir, 'none.journal'))).toEqual({ values: [], intact: true });
  });

  const flip = (bytes: Buffer, at: number) => Buffer.concat([bytes.subarray(0, at), Buffer.from([(bytes[at] ?? 0) ^ 0x10]), bytes.subarray(at + 1)]);
  it.each<[string, (bytes: Buffer) => Buffer, number]>([
    ['a last part cut short (a killed build)', (b) => b.subarray(0, b.length - 5), 2],
    ['a last part with only its length', (b) => b.subarray(0, (ends[1] ?? 0) + 4), 2],
    ['a byte flipped in the second part', (b) => flip(b, (ends[0] ?? 0) + 30), 1],
    ['a length flipped in the first part', (b) => flip(b, 2), 0],
    ['zeros appended (a length of nothing)', (b) => Buffer.concat([b, Buffer.alloc(24)]), 3],
  ])('keeps only the parts before %s', (_, damage, kept) => {
    const damaged = path.join(dir, 'damaged.journal');
    writeFileSync(damaged, damage(whole));
    expect(readJournal(damaged)).toEqual({ values: deltas.slice(0, kept), intact: false });
    rmSync(damaged);
  });
});
