import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryStillValid, SourceManifest, stampOf, type SourceStamp } from '../../../src/build/source-manifest.js';
import type { SourceOutcome } from '../../../src/build/source-pipeline.js';

const where = { pack: 'p1', offset: 64, length: 900 };
const recorded: SourceStamp = { ino: 7n, size: 2500n, mtimeNs: 1_000n, ctimeNs: 1_000n };
const readStart = 5_000n;

describe('entryStillValid', () => {
  it.each<[string, Partial<SourceStamp>, bigint, boolean]>([
    ['the same stat, modified before the build began reading', {}, readStart, true],
    ['a new size', { size: 2501n }, readStart, false],
    ['a new mtime', { mtimeNs: 1_001n }, readStart, false],
    ['mtime put back after an edit (ctime moved)', { ctimeNs: 9_000n }, readStart, false],
    ['another file renamed over it', { ino: 8n }, readStart, false],
    ['racy: modified in the clock tick the build began reading in', {}, 1_000n, false],
    ['racy: modified after the build began reading', {}, 900n, false],
  ])('%s -> %s', (_, change, start, valid) => {
    expect(entryStillValid(recorded, { ...recorded, ...change }, start)).toBe(valid);
  });
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function outcome(html: string): SourceOutcome {
  return { path: 'content/a.md', repairs: [], diagnostics: [], article: { html, text: '正文', title: '标题' } as unknown as NonNullable<SourceOutcome['article']> };
}

describe('SourceManifest', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-manifest-'));
  dirs.push(dir);
  const source = path.join(dir, 'a.md');
  const stamp = () => stampOf(statSync(source, { bigint: true }));

  it('vouches for a file recorded before the build began, and keeps bodies out of the manifest', () => {
    writeFileSync(source, '第一版');
    const past = new Date(Date.now() - 60_000);
    utimesSync(source, past, past);
    const first = SourceManifest.open(dir, 'salt');
    first.record(source, stamp(), 'key-1', where, outcome('<p>正文</p>'));
    expect(first.save((_, l) => l)).toEqual(new Set(['p1']));
    const entry = SourceManifest.open(dir, 'salt').lookup(source, stamp());
    expect(entry).toMatchObject({ key: 'key-1', location: where });
    expect(entry?.outcome.article?.title).toBe('标题');
    expect(entry?.outcome.article?.html).toBeUndefined();
    expect(entry?.outcome.article?.text).toBeUndefined();
  });

  it.each([
    ['another salt (config or tool changed)', () => SourceManifest.open(dir, 'other salt').lookup(source, stamp())],
    ['a file recorded with an mtime at or after the build began reading (racy)', () => {
      const future = new Date(Date.now() + 60_000);
      utimesSync(source, future, future);
      const racy = SourceManifest.open(dir, 'salt');
      racy.record(source, stamp(), 'key-2', where, outcome('<p>正文</p>'));
      racy.save((_, l) => l);
      return SourceManifest.open(dir, 'salt').lookup(source, stamp());
    }],
  ])('trusts nothing for %s', (_, lookup) => {
    expect(lookup()).toBeUndefined();
  });
});

describe('SourceManifest entries of records this build appended', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-manifest-'));
  dirs.push(dir);
  const files = Array.from({ length: 1200 }, (_, i) => path.join(dir, `a${i}.md`));
  const past = new Date(Date.now() - 60_000);
  for (const file of files) {
    writeFileSync(file, file);
    utimesSync(file, past, past);
  }
  const stampOfFile = (file: string) => stampOf(statSync(file, { bigint: true }));
  const settled = (location: { pack: string }) => location.pack === 'new';

  it('are written as they come, and only a save puts the new manifest in place', () => {
    const old = SourceManifest.open(dir, 'salt');
    old.record(files[0] ?? '', stampOfFile(files[0] ?? ''), 'old-key', { pack: 'old', offset: 0, length: 900 }, outcome('<p>旧</p>'));
    old.save((_, l) => l);
    const killed = SourceManifest.open(dir, 'salt', settled);
    files.forEach((file, i) => killed.record(file, stampOfFile(file), `key-${i}`, { pack: 'new', offset: i * 900, length: 900 }, outcome('<p>新</p>')));
    // Not saved (a build killed here): the old manifest is the one read.
    expect(SourceManifest.open(dir, 'salt').lookup(files[0] ?? '', stampOfFile(files[0] ?? ''))?.key).toBe('old-key');
    const build = SourceManifest.open(dir, 'salt', settled);
    files.forEach((file, i) => build.record(file, stampOfFile(file), `key-${i}`, { pack: 'new', offset: i * 900, length: 900 }, outcome('<p>新</p>')));
    expect([...build.entries()]).toEqual([]);
    expect(build.save((_, l) => l)).toEqual(new Set(['new']));
    const next = SourceManifest.open(dir, 'salt');
    expect(files.map((file) => next.lookup(file, stampOfFile(file))?.location.offset)).toEqual(files.map((_, i) => i * 900));
  });
});
