import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepManifest, manifestRelativePath, readManifest } from '../../../src/audit/manifest-store.js';
import { testArticle } from '../../helpers/model.js';

let root: string | undefined;
afterEach(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function site(): string {
  root = mkdtempSync(path.join(tmpdir(), 'dates-manifest-'));
  return root;
}

const a = testArticle({ slug: 'a', date: '2024-01-05 09:00' });
const b = testArticle({ slug: 'b', date: '2024-01-06 09:00' });
const manifestFile = (dir: string): string => path.join(dir, manifestRelativePath);
const sealFile = (dir: string): string => path.join(dir, '.cache/broadsheet/manifest.seal');
const stampOf = (file: string): string => {
  const info = statSync(file, { bigint: true });
  return `${info.ino} ${info.mtimeNs} ${info.ctimeNs}`;
};
const sources = async (dir: string) => (await readManifest(dir)).manifest?.sources;

describe('keepManifest', () => {
  it('records each source on the first build and writes neither file again when the articles are the same', async () => {
    const dir = site();
    await keepManifest(dir, [a, b]);
    expect(await sources(dir)).toEqual({ 'content/a.md': { firstDate: '2024-01-05', date: '2024-01-05' }, 'content/b.md': { firstDate: '2024-01-06', date: '2024-01-06' } });
    const before = [stampOf(manifestFile(dir)), stampOf(sealFile(dir))];
    // Another time on the same day: the manifest records days, so nothing changes.
    await keepManifest(dir, [a, { ...b, date: testArticle({ slug: 'b', date: '2024-01-06 18:00' }).date }]);
    expect([stampOf(manifestFile(dir)), stampOf(sealFile(dir))]).toEqual(before);
  });

  it('keeps the first date when an article is re-dated, adds new sources and drops removed ones', async () => {
    const dir = site();
    await keepManifest(dir, [a, b]);
    const c = testArticle({ slug: 'c', date: '2024-01-07 09:00' });
    await keepManifest(dir, [{ ...a, date: testArticle({ slug: 'a', date: '2024-01-08 09:00' }).date }, c]);
    expect(await sources(dir)).toEqual({ 'content/a.md': { firstDate: '2024-01-05', date: '2024-01-08' }, 'content/c.md': { firstDate: '2024-01-07', date: '2024-01-07' } });
  });

  it.each([
    ['a source removed from it by hand', (text: string) => JSON.stringify({ version: 1, sources: { 'content/a.md': JSON.parse(text).sources['content/a.md'] } })],
    ['a date changed in it by hand', (text: string) => text.replace('"date": "2024-01-06"', '"date": "2023-01-06"')],
    ['it cut short', (text: string) => text.slice(0, 40)],
  ])('mends the manifest after %s, though the articles did not change', async (_, edit) => {
    const dir = site();
    await keepManifest(dir, [a, b]);
    const kept = readFileSync(manifestFile(dir), 'utf8');
    writeFileSync(manifestFile(dir), edit(kept));
    await keepManifest(dir, [a, b]);
    expect(await sources(dir)).toEqual({ 'content/a.md': { firstDate: '2024-01-05', date: '2024-01-05' }, 'content/b.md': expect.objectContaining({ date: '2024-01-06' }) });
  });

  it('reads the manifest again when the seal is gone, keeps it as it was, and seals it again', async () => {
    const dir = site();
    await keepManifest(dir, [a, b]);
    const seal = readFileSync(sealFile(dir), 'utf8');
    const manifest = stampOf(manifestFile(dir));
    rmSync(sealFile(dir));
    await keepManifest(dir, [a, b]);
    expect(stampOf(manifestFile(dir))).toBe(manifest);
    expect(readFileSync(sealFile(dir), 'utf8')).toBe(seal);
  });

  it('keeps the first dates of a manifest written before seals existed', async () => {
    const dir = site();
    await keepManifest(dir, [a, b]);
    rmSync(sealFile(dir));
    writeFileSync(manifestFile(dir), JSON.stringify({ version: 1, sources: { 'content/a.md': { firstDate: '2023-12-30', date: '2024-01-05' } } }));
    await keepManifest(dir, [a, b]);
    expect(await sources(dir)).toEqual({ 'content/a.md': { firstDate: '2023-12-30', date: '2024-01-05' }, 'content/b.md': { firstDate: '2024-01-06', date: '2024-01-06' } });
  });
});
