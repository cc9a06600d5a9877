import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryStillValid, SourceManifest, type Relocate, type SourceStamp } from '../../../src/build/source-manifest.js';
import { stampOf } from '../../../src/build/source-stats.js';
import type { SourceOutcome } from '../../../src/build/source-pipeline.js';
import { readJournal } from '../../../src/cache/manifest-journal.js';

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

describe('SourceManifest journal', () => {
  const count = 40;
  const past = new Date(Date.now() - 60_000);
  let builds = 0;

  function newSite(): { dir: string; files: string[] } {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-journal-'));
    dirs.push(dir);
    const files = Array.from({ length: count }, (_, i) => path.join(dir, `a${i}.md`));
    files.forEach((file, i) => write(file, `第${i}篇`));
    return { dir, files };
  }

  function write(file: string, text: string): void {
    writeFileSync(file, text);
    utimesSync(file, past, past);
  }

  /** One build as process-sources runs it: look every file up, read (record) the rest into this build's pack, save when stale. */
  function build(dir: string, files: readonly string[], salt = 'salt', relocate: Relocate = (_, location) => location): { read: string[]; stale: boolean } {
    const pack = `pack-${++builds}`;
    const manifest = SourceManifest.open(dir, salt, (location) => location.pack === pack);
    const read: string[] = [];
    files.forEach((file, i) => {
      const stamp = stampOf(statSync(file, { bigint: true }));
      if (manifest.lookup(file, stamp)?.key === readFileSync(file, 'utf8')) return;
      read.push(path.basename(file));
      manifest.record(file, stamp, readFileSync(file, 'utf8'), { pack, offset: i * 100, length: 100 }, outcome('<p>正文</p>'));
    });
    const stale = manifest.stale;
    if (stale) manifest.save(relocate);
    return { read, stale };
  }

  const base = (dir: string) => statSync(path.join(dir, 'sources.bin'), { bigint: true });
  const journal = (dir: string) => path.join(dir, 'sources.journal');

  it('appends one delta for a build that read one source, leaving the base untouched, and the next build trusts it', () => {
    const { dir, files } = newSite();
    expect(build(dir, files).read).toHaveLength(count);
    expect(existsSync(journal(dir))).toBe(false);
    const before = base(dir);
    write(files[3] ?? '', '第3篇，改过');
    expect(build(dir, files).read).toEqual(['a3.md']);
    expect(base(dir)).toMatchObject({ ino: before.ino, mtimeNs: before.mtimeNs, size: before.size });
    // One entry, not forty: a delta is a small fraction of the base.
    expect(statSync(journal(dir)).size).toBeLessThan(Number(before.size) / 10);
    expect(build(dir, files)).toEqual({ read: [], stale: false });
  });

  it('follows edits, additions, deletions and renames across consecutive builds, the base untouched', () => {
    const { dir, files } = newSite();
    build(dir, files);
    const before = base(dir);
    const steps: [string, () => string[], string[]][] = [
      ['edit', () => (write(files[1] ?? '', '改'), files), ['a1.md']],
      ['add', () => (write(path.join(dir, 'new.md'), '新'), [...files, path.join(dir, 'new.md')]), ['new.md']],
      ['delete', () => (rmSync(files[2] ?? ''), files.filter((_, i) => i !== 2)), []],
      ['rename', () => (renameSync(files[4] ?? '', path.join(dir, 'b4.md')), [...files.filter((_, i) => i !== 2 && i !== 4), path.join(dir, 'b4.md')]), ['b4.md']],
    ];
    let sizes = 0;
    for (const [, change, read] of steps) {
      const now = change();
      expect(build(dir, now)).toEqual({ read, stale: true });
      expect(statSync(journal(dir)).size).toBeGreaterThan(sizes);
      sizes = statSync(journal(dir)).size;
      // Not stale: the manifest holds exactly these sources, removed ones gone.
      expect(build(dir, now)).toEqual({ read: [], stale: false });
    }
    expect(base(dir)).toMatchObject({ ino: before.ino, mtimeNs: before.mtimeNs });
  });

  it('records in its delta where garbage collection moved a record, and drops an entry whose record failed its check', () => {
    const { dir, files } = newSite();
    build(dir, files);
    const firstPack = `pack-${builds}`;
    const before = base(dir);
    write(files[1] ?? '', '改');
    const moved = { pack: 'moved', offset: 0, length: 100 };
    build(dir, files, 'salt', (key, location) => (key === '第7篇' ? undefined : key === '第8篇' ? moved : location));
    expect(base(dir).ino).toBe(before.ino);
    const next = SourceManifest.open(dir, 'salt');
    const lookUp = (i: number) => next.lookup(files[i] ?? '', stampOf(statSync(files[i] ?? '', { bigint: true })));
    expect([lookUp(7), lookUp(8)?.location, lookUp(9)?.location.pack]).toEqual([undefined, moved, firstPack]);
    expect(build(dir, files).read).toEqual(['a7.md']);
  });

  it('keeps one entry a source that was looked up and then read again (its pack gone), in a delta or a new base', () => {
    const { dir, files } = newSite();
    build(dir, files);
    const stampAt = (i: number) => stampOf(statSync(files[i] ?? '', { bigint: true }));
    for (const reread of [2, 11]) {
      const manifest = SourceManifest.open(dir, 'salt', (location) => location.pack === `again-${reread}`);
      files.forEach((_, i) => manifest.lookup(files[i] ?? '', stampAt(i)));
      for (let i = 0; i < reread; i++) manifest.record(files[i] ?? '', stampAt(i), `第${i}篇`, { pack: `again-${reread}`, offset: i * 100, length: 100 }, outcome('<p>正文</p>'));
      manifest.save((_, location) => location);
      const next = SourceManifest.open(dir, 'salt');
      expect(files.map((_, i) => next.lookup(files[i] ?? '', stampAt(i))?.location.pack.startsWith('again'))).toEqual(files.map((_, i) => i < reread));
    }
  });

  it('writes a new base and drops the journal once the journal would hold more than a quarter of the entries', () => {
    const { dir, files } = newSite();
    build(dir, files);
    const first = base(dir);
    const edit = (round: number) => files.slice(round * 4, round * 4 + 4).forEach((file) => write(file, `第${round}轮`));
    edit(0);
    edit(1);
    expect(build(dir, files).read).toHaveLength(8);
    expect(existsSync(journal(dir))).toBe(true);
    edit(2);
    expect(build(dir, files).read).toHaveLength(4);
    expect(base(dir).ino).not.toBe(first.ino);
    expect(existsSync(journal(dir))).toBe(false);
    expect(build(dir, files)).toEqual({ read: [], stale: false });
  });

  it('ignores base and journal for another salt', () => {
    const { dir, files } = newSite();
    build(dir, files);
    write(files[0] ?? '', '改');
    build(dir, files);
    expect(build(dir, files, 'other salt').read).toHaveLength(count);
    expect(existsSync(journal(dir))).toBe(false);
    expect(build(dir, files, 'other salt')).toEqual({ read: [], stale: false });
  });

  it('never applies the journal of the base a new one replaced (a build killed before removing it)', () => {
    const { dir, files } = newSite();
    build(dir, files);
    write(files[0] ?? '', '改');
    build(dir, files);
    const old = readFileSync(journal(dir));
    write(files[0] ?? '', '再改');
    build(dir, files, 'new salt');
    writeFileSync(journal(dir), old);
    // Applied, its older entry of a0.md would make a read; not applied, nothing is read.
    expect(build(dir, files, 'new salt')).toEqual({ read: [], stale: false });
  });

  it.each<[string, (bytes: Buffer, ends: number[]) => Buffer, string[]]>([
    ['cut short in its last delta', (b) => b.subarray(0, b.length - 7), ['a3.md']],
    ['with a byte flipped in its second delta', (b, ends) => Buffer.concat([b.subarray(0, (ends[0] ?? 0) + 40), Buffer.from([(b[(ends[0] ?? 0) + 40] ?? 0) ^ 1]), b.subarray((ends[0] ?? 0) + 41)]), ['a2.md', 'a3.md']],
  ])('reads again what a journal %s recorded, then writes a new base', (_, damage, read) => {
    const { dir, files } = newSite();
    build(dir, files);
    const ends: number[] = [];
    for (const i of [1, 2, 3]) {
      write(files[i] ?? '', `第${i}篇，改过`);
      build(dir, files);
      ends.push(statSync(journal(dir)).size);
    }
    writeFileSync(journal(dir), damage(readFileSync(journal(dir)), ends));
    const before = base(dir);
    expect(build(dir, files)).toEqual({ read, stale: true });
    expect(base(dir).ino).not.toBe(before.ino);
    expect(existsSync(journal(dir))).toBe(false);
    expect(build(dir, files)).toEqual({ read: [], stale: false });
  });

  it("judges each delta's entries by the clock of the build that recorded them, not a later one", async () => {
    const { dir, files } = newSite();
    build(dir, files);
    const lookUpAll = (manifest: SourceManifest) => files.forEach((f) => manifest.lookup(f, stampOf(statSync(f, { bigint: true }))));
    const early = SourceManifest.open(dir, 'salt', (location) => location.pack === 'early');
    const clock = statSync(path.join(dir, 'sources.clock'), { bigint: true }).mtimeNs;
    // Added just after the early build began reading: a later edit in that tick would keep this mtime.
    const added = path.join(dir, 'new.md');
    writeFileSync(added, '新');
    const racyTime = Number(clock / 1000n + 1000n) / 1e6;
    utimesSync(added, racyTime, racyTime);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A build that began later (and found its sources before the new file came) runs beside it.
    const late = SourceManifest.open(dir, 'salt', (location) => location.pack === 'late');
    const lateClock = statSync(path.join(dir, 'sources.clock'), { bigint: true }).mtimeNs;
    const stamp = stampOf(statSync(added, { bigint: true }));
    expect(stamp.mtimeNs).toBeGreaterThanOrEqual(clock);
    expect(stamp.mtimeNs).toBeLessThan(lateClock);
    lookUpAll(early);
    early.record(added, stamp, '新', { pack: 'early', offset: 0, length: 100 }, outcome('<p>正文</p>'));
    early.save((_, location) => location);
    lookUpAll(late);
    const other = files[6] ?? '';
    late.record(other, stampOf(statSync(other, { bigint: true })), '第6篇', { pack: 'late', offset: 0, length: 100 }, outcome('<p>正文</p>'));
    late.save((_, location) => location);
    // Both deltas applied, the later clock after the earlier one.
    expect(readJournal(journal(dir)).values.map((delta) => (delta as { readStartNs: bigint }).readStartNs)).toEqual([clock, lateClock]);
    const next = SourceManifest.open(dir, 'salt');
    expect(next.lookup(other, stampOf(statSync(other, { bigint: true })))?.location.pack).toBe('late');
    expect(next.lookup(added, stamp)).toBeUndefined();
  });
});
