import { closeSync, fdatasyncSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { PackIndex, encodePackIndex, type IndexedRecord } from './pack-index.js';
import { decodeRecord, encodeRecord } from './pack-record.js';
import { packsToRewrite } from './pack-gc.js';
import { writeAll, writeDurably } from './write-all.js';
import { writerGone } from './writer-gone.js';

/** Where one record lies: its pack's name, its byte offset and its length with the header. */
export interface PackLocation {
  readonly pack: string;
  readonly offset: number;
  readonly length: number;
}

// Appended records are copied into one buffer of this size, which is written when full (a larger record is written alone).
const pendingBytes = 4 * 1024 * 1024;

interface OpenPack {
  readonly name: string;
  readonly fd: number;
  end: number;
  written: number;
  /** Records waiting for the next write, copied in: the caller's buffers are free again as soon as `append` returns. */
  readonly pending: Buffer;
  readonly records: IndexedRecord[];
}

const closeWhenCollected = new FinalizationRegistry<number[]>((fds) => fds.forEach((fd) => closeSync(fd)));

/**
 * Records in a few large append-only files (`<name>.pack`), each sealed by its index
 * (`<name>.idx`: every record's key and place, written after the pack is synced). A pack is never
 * changed once written; the source manifest says which records are live, and `keepOnly` deletes
 * the rest once a new manifest is in place.
 */
export class PackStore {
  private writing: OpenPack | undefined;
  private indexes: Map<string, PackIndex | undefined> | undefined;
  private sizes: Map<string, number> | undefined;
  private readonly readFds = new Map<string, number>();
  private readonly fdList: number[] = [];

  private constructor(readonly dir: string, private readonly sealed: readonly string[], private readonly orphans: readonly string[]) {
    closeWhenCollected.register(this, this.fdList);
  }

  /** The store in `dir` (made when missing): packs with an index are readable; a pack without one is a killed build's leftover. */
  static open(dir: string): PackStore {
    mkdirSync(dir, { recursive: true });
    const names = readdirSync(dir);
    const indexed = new Set(names.filter((n) => n.endsWith('.idx')).map((n) => n.slice(0, -4)));
    const packs = names.filter((n) => n.endsWith('.pack')).map((n) => n.slice(0, -5));
    // Newest first: names begin with the time they were made.
    return new PackStore(dir, packs.filter((p) => indexed.has(p)).sort().reverse(), packs.filter((p) => !indexed.has(p)));
  }

  /** Whether `pack` is the one this build appends to (its records will not move before the manifest is saved). */
  writes(pack: string): boolean {
    return this.writing?.name === pack;
  }

  /** Whether `location` lies within a sealed pack of this store or the one this build writes (its bytes are checked when read). */
  holds(location: PackLocation): boolean {
    if (this.writing?.name === location.pack) return location.offset + location.length <= this.writing.end;
    // One stat per pack, not per record: a deleted or cut-short pack makes its records misses before any is read.
    return location.offset + location.length <= (this.packSizes().get(location.pack) ?? 0);
  }

  /** Where a sealed pack holds the record of `key` (the newest such pack), or undefined. */
  find(key: string): PackLocation | undefined {
    this.indexes ??= new Map(this.sealed.map((name) => [name, this.loadIndex(name)]));
    for (const [pack, index] of this.indexes) {
      const found = index?.find(key);
      if (found) return { pack, ...found };
    }
    return undefined;
  }

  /** The payload stored at `location` for `key`, or undefined when it is missing, torn, damaged or another key's. */
  read(location: PackLocation, key: string): Buffer | undefined {
    const record = this.readRaw(location);
    return record && decodeRecord(record, key);
  }

  /**
   * Append a record to this build's pack (made on the first append); it is found by key only once
   * sealed. `checksum` when the payload's maker computed it (`payloadChecksum`).
   */
  append(key: string, payload: Uint8Array, checksum?: Uint8Array): PackLocation {
    return this.appendRecord(key, encodeRecord(key, payload, checksum));
  }

  /**
   * Copy the live records of packs that are mostly dead (or too many small packs) into this build's
   * pack, each one checked on the way; the returned function gives a record's new place, its old
   * one when it did not move, or undefined for a record that failed its check.
   */
  compact(live: Iterable<{ readonly key: string; readonly location: PackLocation }>): (key: string, location: PackLocation) => PackLocation | undefined {
    const byPack = new Map<string, { key: string; location: PackLocation }[]>();
    for (const record of live) {
      if (record.location.pack === this.writing?.name) continue;
      const records = byPack.get(record.location.pack);
      if (records) records.push(record);
      else byPack.set(record.location.pack, [record]);
    }
    const sizes = this.packSizes();
    const moved = new Map<PackLocation, PackLocation | undefined>();
    const liveBytes = new Map([...byPack].map(([pack, records]) => [pack, records.reduce((sum, r) => sum + r.location.length, 0)]));
    for (const pack of packsToRewrite(sizes, liveBytes)) {
      for (const { key, location } of byPack.get(pack) ?? []) {
        const record = this.readRaw(location);
        moved.set(location, record && decodeRecord(record, key) ? this.appendRecord(key, [record]) : undefined);
      }
    }
    return (_key, location) => (moved.has(location) ? moved.get(location) : location);
  }

  /** Make this build's pack durable and findable: flushed, synced, then its index written (temporary name, synced, renamed). */
  seal(): void {
    const pack = this.writing;
    if (!pack) return;
    this.flush(pack);
    fdatasyncSync(pack.fd);
    closeSync(pack.fd);
    this.writing = undefined;
    writeDurably(this.file(pack.name, 'idx'), encodePackIndex(pack.records));
  }

  /**
   * Delete every pack not in `kept` (and leftovers of killed builds), once the manifest that no
   * longer needs them is in place. Packs this build read stay readable through their open descriptors.
   */
  keepOnly(kept: ReadonlySet<string>): void {
    for (const pack of [...this.sealed, ...this.orphans.filter(deadWriter)]) {
      if (kept.has(pack)) continue;
      // Outcomes restored by this build may still read their bodies from it: the descriptor outlives the name.
      if (this.sealed.includes(pack)) this.readFd(pack);
      rmSync(this.file(pack, 'idx'), { force: true });
      rmSync(this.file(pack, 'pack'), { force: true });
    }
    syncFolder(this.dir);
  }

  private appendRecord(key: string, pieces: readonly Uint8Array[]): PackLocation {
    const pack = (this.writing ??= this.create());
    const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
    if (pack.end - pack.written + length > pack.pending.length) this.flush(pack);
    const location = { pack: pack.name, offset: pack.end, length };
    if (length > pack.pending.length) {
      writeAll(pack.fd, Buffer.concat(pieces), location.offset);
      pack.written = location.offset + length;
    } else {
      let at = location.offset - pack.written;
      for (const piece of pieces) at += (pack.pending.set(piece, at), piece.length);
    }
    pack.end += length;
    pack.records.push({ key, offset: location.offset, length });
    return location;
  }

  private create(): OpenPack {
    const name = `${Date.now().toString(36).padStart(9, '0')}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const pending = Buffer.allocUnsafeSlow(pendingBytes);
    return { name, fd: openSync(this.file(name, 'pack'), 'wx', 0o644), end: 0, written: 0, pending, records: [] };
  }

  private flush(pack: OpenPack): void {
    if (pack.end === pack.written) return;
    writeAll(pack.fd, pack.pending.subarray(0, pack.end - pack.written), pack.written);
    pack.written = pack.end;
  }

  private readRaw(location: PackLocation): Buffer | undefined {
    if (this.writing?.name === location.pack) this.flush(this.writing);
    const fd = this.readFd(location.pack);
    if (fd === undefined) return undefined;
    const bytes = Buffer.allocUnsafe(location.length);
    let done = 0;
    while (done < bytes.length) {
      const read = readSync(fd, bytes, done, bytes.length - done, location.offset + done);
      if (read === 0) return undefined;
      done += read;
    }
    return bytes;
  }

  /** A descriptor for reading `pack` (kept open while the store lives, even after the pack is deleted), or undefined when it cannot be opened. */
  readFd(pack: string): number | undefined {
    let fd = this.readFds.get(pack);
    if (fd !== undefined) return fd;
    try {
      fd = openSync(this.file(pack, 'pack'), 'r');
    } catch {
      return undefined;
    }
    this.readFds.set(pack, fd);
    this.fdList.push(fd);
    return fd;
  }

  private packSizes(): Map<string, number> {
    return (this.sizes ??= new Map(this.sealed.map((name) => [name, statSync(this.file(name, 'pack'), { throwIfNoEntry: false })?.size ?? 0])));
  }

  private loadIndex(name: string): PackIndex | undefined {
    try {
      return PackIndex.decode(readFileSync(this.file(name, 'idx')));
    } catch {
      return undefined;
    }
  }

  private file(name: string, kind: 'pack' | 'idx'): string {
    return path.join(this.dir, `${name}.${kind}`);
  }
}


/** Sync a folder, so the renames and deletions in it survive a power cut. */
export function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// A pack without an index is a build's that was killed, unless that build is still running (its pid, in the name, is alive).
function deadWriter(pack: string): boolean {
  return writerGone(Number(pack.split('-')[1]));
}
