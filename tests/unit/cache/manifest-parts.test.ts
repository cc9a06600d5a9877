import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManifestWriter, readManifestParts } from '../../../src/cache/manifest-parts.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// More entries than fit in one part (256), so the manifest is several parts.
const entries = Array.from({ length: 1300 }, (_, i) => [`/site/content/a${i}.md`, { key: `k${i}`, stamp: { size: BigInt(i) }, title: `第${i}篇` }] as const);
const head = { salt: 'salt', readStartNs: 123n };

describe('manifest parts', () => {
  const file = path.join(dir, 'sources.bin');
  const writer = ManifestWriter.open(file, head);
  for (const [name, entry] of entries) writer.add(name, entry);
  writer.finish();
  const whole = readFileSync(file);

  it('read back the head and every entry in order, and leave no temporary file', () => {
    const read = readManifestParts<typeof head, (typeof entries)[number][1]>(file);
    expect(read.head).toEqual(head);
    expect([...read.entries]).toEqual(entries);
    expect(readdirSync(dir)).toEqual(['sources.bin']);
  });

  it('leave nothing behind when abandoned', () => {
    const abandoned = ManifestWriter.open(path.join(dir, 'abandoned.bin'), head);
    abandoned.add('/site/content/a.md', { key: 'k' });
    abandoned.abort();
    expect(readdirSync(dir)).toEqual(['sources.bin']);
  });

  it.each<[string, (bytes: Buffer) => Buffer, RegExp]>([
    ['cut short at the end marker', (b) => b.subarray(0, b.length - 8), /cut short/],
    ['cut short in a part', (b) => b.subarray(0, Math.floor(b.length / 2)), /cut short/],
    ['with one byte of an entry flipped', (b) => Buffer.concat([b.subarray(0, b.length - 100), Buffer.from([(b[b.length - 100] ?? 0) ^ 1]), b.subarray(b.length - 99)]), /damaged/],
    ['not a manifest at all', () => Buffer.from('not a manifest'), /not a source manifest/],
  ])('refuse a file %s', (_, damage, error) => {
    const damaged = path.join(dir, 'damaged.bin');
    writeFileSync(damaged, damage(whole));
    expect(() => readManifestParts(damaged)).toThrow(error);
    rmSync(damaged);
  });
});
