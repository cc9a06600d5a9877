import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../../src/cache/pack-record.js';
import { PackStore, type PackLocation } from '../../../src/cache/pack-store.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function freshDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-packs-'));
  dirs.push(dir);
  return dir;
}

const key = (n: number) => n.toString(16).padStart(64, '0');
const body = (n: number) => Buffer.from(`第${n}篇正文。${'社区服务持续改进。'.repeat(50)}`, 'utf8');

/** A store in a fresh folder holding one sealed pack of records 1..count. */
function sealedStore(count: number): { dir: string; locations: PackLocation[] } {
  const dir = freshDir();
  const store = PackStore.open(dir);
  const locations = Array.from({ length: count }, (_, i) => store.append(key(i + 1), body(i + 1)));
  store.seal();
  store.keepOnly(new Set([locations[0]?.pack ?? '']));
  return { dir, locations };
}

describe('PackStore', () => {
  it('finds and reads sealed records by key after it is opened again', () => {
    const { dir, locations } = sealedStore(20);
    const store = PackStore.open(dir);
    expect(store.find(key(7))).toEqual(locations[6]);
    expect(store.read(store.find(key(7)) as PackLocation, key(7))?.toString('utf8')).toBe(body(7).toString('utf8'));
    expect(store.find(key(21))).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual([`${locations[0]?.pack}.idx`, `${locations[0]?.pack}.pack`]);
  });

  it('copies what it is given: the caller may reuse its buffer at once, and a record larger than the write buffer is kept whole', () => {
    const dir = freshDir();
    const store = PackStore.open(dir);
    const reused = Buffer.from(body(1));
    const first = store.append(key(1), reused);
    reused.fill(0x20);
    const large = Buffer.alloc(5 * 1024 * 1024, '长');
    const big = store.append(key(2), large);
    const last = store.append(key(3), body(3));
    store.seal();
    const reopened = PackStore.open(dir);
    expect(reopened.read(first, key(1))?.toString('utf8')).toBe(body(1).toString('utf8'));
    expect(reopened.read(big, key(2))?.equals(large)).toBe(true);
    expect(reopened.read(last, key(3))?.toString('utf8')).toBe(body(3).toString('utf8'));
  });

  it('never serves one record for another key', () => {
    const { dir, locations } = sealedStore(2);
    expect(PackStore.open(dir).read(locations[0] as PackLocation, key(2))).toBeUndefined();
  });

  it("leaves a killed build's pack unfound (no index) and deletes it at the next save, but not a running build's", () => {
    const dir = freshDir();
    // No process has pid 999999999 (above Linux's pid_max); this test's own process is alive.
    const killed = path.join(dir, '000000001-999999999-dead00.pack');
    const running = path.join(dir, `000000002-${process.pid}-live00.pack`);
    writeFileSync(killed, Buffer.concat(encodeRecord(key(1), body(1))));
    writeFileSync(running, Buffer.concat(encodeRecord(key(1), body(1))));
    const store = PackStore.open(dir);
    expect(store.find(key(1))).toBeUndefined();
    expect(store.holds({ pack: '000000001-999999999-dead00', offset: 0, length: 10 })).toBe(false);
    const location = store.append(key(2), body(2));
    store.seal();
    store.keepOnly(new Set([location.pack]));
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(PackStore.open(dir).find(key(2))).toEqual(location);
  });

  it('garbage collection copies exactly the live records of a mostly dead pack, and drops the pack', () => {
    const { dir, locations } = sealedStore(10);
    const store = PackStore.open(dir);
    const live = [2, 5, 9].map((n) => ({ key: key(n), location: locations[n - 1] as PackLocation }));
    const relocate = store.compact(live);
    const moved = live.map(({ key: k, location }) => relocate(k, location));
    store.seal();
    const packs = new Set(moved.map((l) => l?.pack ?? ''));
    expect(packs.size).toBe(1);
    expect(packs.has(locations[0]?.pack ?? '')).toBe(false);
    store.keepOnly(packs);
    // A record this build handed out before the pack was dropped is still readable here.
    expect(store.read(locations[1] as PackLocation, key(2))).toEqual(body(2));
    const after = PackStore.open(dir);
    expect(readdirSync(dir).filter((n) => n.endsWith('.pack'))).toEqual([...packs].map((p) => `${p}.pack`));
    expect(Array.from({ length: 10 }, (_, i) => after.find(key(i + 1)) !== undefined)).toEqual([false, true, false, false, true, false, false, false, true, false]);
    expect(after.read(after.find(key(5)) as PackLocation, key(5))).toEqual(body(5));
  });

  it('keeps a pack that is still mostly live as it is', () => {
    const { dir, locations } = sealedStore(4);
    const store = PackStore.open(dir);
    const live = [1, 2, 3].map((n) => ({ key: key(n), location: locations[n - 1] as PackLocation }));
    const relocate = store.compact(live);
    expect(live.map(({ key: k, location }) => relocate(k, location))).toEqual(live.map((l) => l.location));
  });
});
