import { randomUUID } from 'node:crypto';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appendJournal } from '../cache/manifest-journal.js';
import { ManifestWriter } from '../cache/manifest-parts.js';
import type { PackLocation } from '../cache/pack-store.js';
import { sourceEntryCodec } from './source-entry-codec.js';
import { forgetManifest, journalOf } from './source-manifest-name.js';
import { loadManifest, removeLeftovers, type LoadedManifest, type ManifestDelta, type ManifestHead } from './source-manifest-file.js';
import type { SourceOutcome } from './source-pipeline.js';

/** Where a record now lies after garbage collection (its old place when it did not move), or undefined when it is gone. */
export type Relocate = (key: string, location: PackLocation) => PackLocation | undefined;

/** A source file's stat as the manifest compares it: inode, size, mtime and ctime in nanoseconds. */
export interface SourceStamp {
  readonly ino: bigint;
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
}

/** What the previous build knew about one source: its stamp, its content-cache key, and its outcome without the article body. */
export interface ManifestEntry {
  readonly stamp: SourceStamp;
  readonly key: string;
  /** Where the key's record (which holds the body) lies in the pack store. */
  readonly location: PackLocation;
  readonly outcome: SourceOutcome;
}

/**
 * Whether a recorded entry still describes the file, git-style: the same inode, size, mtime and
 * ctime, and a file modified no later than the clock tick its build began reading in (a later
 * edit within that tick would keep the same mtime: such a "racy" file is always read again).
 */
export function entryStillValid(recorded: SourceStamp, now: SourceStamp, readStartNs: bigint): boolean {
  if (recorded.mtimeNs >= readStartNs) return false;
  return recorded.ino === now.ino && recorded.size === now.size && recorded.mtimeNs === now.mtimeNs && recorded.ctimeNs === now.ctimeNs;
}

/**
 * The previous build's sources (`sources.bin` in the content cache, and `sources.journal` beside
 * it), so a warm build stats each source instead of reading, hashing and looking it up. Only valid
 * for the same salt (config and tool); bodies stay in the pack store. A build that changed few
 * entries appends them as one delta to the journal; any other rewrites the base a part at a time
 * (`manifest-parts.ts`: never one serialization of every entry) and drops the journal.
 */
export class SourceManifest {
  // Entries looked up, or read from a pack that garbage collection may still move: written at save.
  private readonly held = new Map<string, ManifestEntry>();
  // Entries whose records this build appended, kept for a delta while they fit in one.
  private readonly fresh = new Map<string, ManifestEntry>();
  // A new base under way, fresh entries streamed into it: a cold build at 100,000 sources keeps none in memory.
  private writer: ManifestWriter<ManifestEntry> | undefined;
  private written = 0;
  private readonly writtenPacks = new Set<string>();
  private changed = false;
  // Changes a delta may still hold before the journal outgrows a quarter of the base; below zero: no delta.
  private readonly budget: number;

  private constructor(
    private readonly file: string,
    private readonly head: ManifestHead,
    private readonly previous: LoadedManifest | undefined,
    private readonly settled: (location: PackLocation) => boolean,
  ) {
    const size = previous?.journalSize;
    this.budget = previous && size !== undefined ? Math.floor(previous.entries.size / 4) - size : -1;
  }

  /**
   * Load the manifest in `dir` for this salt, and note the file-system clock before any source is
   * statted. `settled` tells a record this build appended (and will not move) from an older one.
   * `stop`, asked between the manifest's parts, ends the load with `LoadStopped`.
   */
  static open(dir: string, salt: string, settled: (location: PackLocation) => boolean = () => false, stop?: () => boolean): SourceManifest {
    const file = path.join(dir, 'sources.bin');
    const clock = path.join(dir, 'sources.clock');
    writeFileSync(clock, String(process.pid));
    const readStartNs = statSync(clock, { bigint: true }).mtimeNs;
    removeLeftovers(dir);
    const head = { salt, readStartNs, generation: randomUUID() };
    return new SourceManifest(file, head, loadManifest(file, journalOf(file), salt, stop), settled);
  }

  /** The recorded entry for `absolutePath` when the file is unchanged (see `entryStillValid`, by the clock of the build that recorded it), else undefined. */
  lookup(absolutePath: string, now: SourceStamp): ManifestEntry | undefined {
    const entry = this.previous?.entries.get(absolutePath);
    if (!entry || !entryStillValid(entry.stamp, now, this.previous?.clocks.get(absolutePath) ?? this.previous?.head.readStartNs ?? 0n)) return undefined;
    this.held.set(absolutePath, entry);
    return entry;
  }

  /** The file-system clock noted as this build opened the manifest, before it read any source. */
  get readStartNs(): bigint {
    return this.head.readStartNs;
  }

  /** The previous build's entry for `absolutePath` whatever the file's stamp now, or undefined. */
  recorded(absolutePath: string): ManifestEntry | undefined {
    return this.previous?.entries.get(absolutePath);
  }

  /**
   * Keep a recorded entry under a new stamp (taken before the read): the file's stamp changed but
   * its bytes, and so its key, did not (a fresh checkout, a copy, a `touch`). The entry's record
   * stays where it is, unread.
   */
  restamp(absolutePath: string, entry: ManifestEntry, stamp: SourceStamp): void {
    this.changed = true;
    this.held.set(absolutePath, { ...entry, stamp });
  }

  /** Record a source read by this build (its stamp taken before the read). */
  record(absolutePath: string, stamp: SourceStamp, key: string, location: PackLocation, outcome: SourceOutcome): void {
    const entry = { stamp, key, location, outcome: withoutBody(outcome) };
    this.changed = true;
    // Looked up, then read again (its pack was gone, or another path spelling): one entry a name.
    this.held.delete(absolutePath);
    if (!this.settled(location)) {
      this.held.set(absolutePath, entry);
      return;
    }
    this.writtenPacks.add(location.pack);
    if (this.writer) {
      this.writer.add(absolutePath, entry);
      this.written++;
      return;
    }
    this.fresh.set(absolutePath, entry);
    if (this.fresh.size > this.budget) this.rewrite();
  }

  /** The manifest's file (`sources.bin`). */
  get path(): string {
    return this.file;
  }

  /** Drop the manifest on disk (an entry it vouched for turned out damaged): the next build reads every source. */
  forget(): void {
    forgetManifest(this.file);
  }

  /** Whether this build read any source or the set of sources changed: the manifest on disk no longer describes it. */
  get stale(): boolean {
    return this.changed || this.held.size + this.fresh.size + this.written !== (this.previous?.entries.size ?? -1);
  }

  /** The entries whose records garbage collection may move (every other one is in this build's pack). */
  entries(): IterableIterator<ManifestEntry> {
    return this.held.values();
  }

  /**
   * Save the manifest, each held entry's record where `relocate` says it now lies (an entry whose
   * record is gone is left out): as one delta appended to the journal when few entries changed,
   * else as a new base (temporary name, synced, renamed) without a journal. The names of the packs
   * the whole manifest refers to.
   */
  save(relocate: Relocate): Set<string> {
    const packs = new Set(this.writtenPacks);
    const delta = this.writer ? undefined : this.delta(relocate, packs);
    if (delta) {
      if (delta.entries.length + delta.removed.length > 0) appendJournal(journalOf(this.file), delta);
      return packs;
    }
    this.rewrite();
    const writer = this.writer ?? ManifestWriter.open(this.file, this.head, sourceEntryCodec);
    this.writer = undefined;
    for (const [file, entry] of this.held) {
      const location = relocate(entry.key, entry.location);
      if (!location) continue;
      packs.add(location.pack);
      writer.add(file, location === entry.location ? entry : { ...entry, location });
    }
    writer.finish();
    // After the new base is in place: a kill between the two leaves a journal of another generation, never applied to it.
    rmSync(journalOf(this.file), { force: true });
    return packs;
  }

  // Start a new base: the fresh entries so far go into it, and every later one as it comes.
  private rewrite(): void {
    this.writer ??= ManifestWriter.open(this.file, this.head, sourceEntryCodec);
    for (const [file, entry] of this.fresh) this.writer.add(file, entry);
    this.written += this.fresh.size;
    this.fresh.clear();
  }

  // What this build changed against the manifest it loaded (adding the packs it refers to), or undefined when that is past the budget.
  private delta(relocate: Relocate, packs: Set<string>): ManifestDelta | undefined {
    const previous = this.previous;
    if (!previous || this.budget < 0) return undefined;
    const entries: (readonly [string, ManifestEntry])[] = [...this.fresh];
    const removed: string[] = [];
    let added = [...this.fresh.keys()].filter((file) => !previous.entries.has(file)).length;
    for (const [file, entry] of this.held) {
      const location = relocate(entry.key, entry.location);
      const before = previous.entries.get(file);
      if (before === undefined) added++;
      if (!location) {
        if (before !== undefined) removed.push(file);
        continue;
      }
      packs.add(location.pack);
      if (location !== entry.location) entries.push([file, { ...entry, location }]);
      else if (entry !== before) entries.push([file, entry]);
      if (entries.length + removed.length > this.budget) return undefined;
    }
    // Sources gone since (every name this build kept that the manifest knew accounts for one of its entries).
    if (this.held.size + this.fresh.size - added < previous.entries.size) {
      for (const file of previous.entries.keys()) if (!this.held.has(file) && !this.fresh.has(file)) removed.push(file);
    }
    if (entries.length + removed.length > this.budget) return undefined;
    return { generation: previous.head.generation, readStartNs: this.head.readStartNs, entries, removed };
  }
}

/**
 * An outcome as the manifest records it: the article's body (HTML, and the plain text the search
 * index reads) is most of its weight and stays in the cache entry only. The keys stay, undefined,
 * so a restored article keeps its key order.
 */
export function withoutBody(outcome: SourceOutcome): SourceOutcome {
  if (!outcome.article) return outcome;
  // Field by field, never through the body getters of an article whose body waits in a body file.
  const fields = outcome.article as unknown as Record<string, unknown>;
  const article: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) article[name] = name === 'html' || name === 'text' ? undefined : fields[name];
  return { ...outcome, article: article as unknown as typeof outcome.article };
}
