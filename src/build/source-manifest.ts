import { readdirSync, rmSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import type { PackLocation } from '../cache/pack-store.js';
import { ManifestWriter, readManifestParts } from '../cache/manifest-parts.js';
import { writerGone } from '../cache/writer-gone.js';
import type { SourceOutcome } from './source-pipeline.js';

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

interface ManifestHead {
  readonly salt: string;
  /** The file-system clock when that build began to stat its sources (the mtime of a file it wrote then). */
  readonly readStartNs: bigint;
}

interface ManifestFile extends ManifestHead {
  readonly entries: Map<string, ManifestEntry>;
}

/** The stamp of a stat result. */
export function stampOf(info: BigIntStats): SourceStamp {
  return { ino: info.ino, size: info.size, mtimeNs: info.mtimeNs, ctimeNs: info.ctimeNs };
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
 * The previous build's sources in one file (`sources.bin` in the content cache), so a warm build
 * stats each source instead of reading, hashing and looking it up. Only valid for the same salt
 * (config and tool); bodies stay in the pack store. Written and read a part at a time
 * (`manifest-parts.ts`): never one serialization of every entry.
 */
export class SourceManifest {
  // Entries looked up, or read from a pack that garbage collection may still move: written at save.
  private readonly held = new Map<string, ManifestEntry>();
  // Entries whose records this build appended, already written out: a cold build at 100,000 sources keeps none in memory.
  private writer: ManifestWriter | undefined;
  private written = 0;
  private readonly writtenPacks = new Set<string>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly head: ManifestHead,
    private readonly previous: ManifestFile | undefined,
    private readonly settled: (location: PackLocation) => boolean,
  ) {}

  /**
   * Load the manifest in `dir` for this salt, and note the file-system clock before any source is
   * statted. `settled` tells a record this build appended (and will not move) from an older one.
   */
  static open(dir: string, salt: string, settled: (location: PackLocation) => boolean = () => false): SourceManifest {
    const file = path.join(dir, 'sources.bin');
    const clock = path.join(dir, 'sources.clock');
    writeFileSync(clock, String(process.pid));
    const readStartNs = statSync(clock, { bigint: true }).mtimeNs;
    removeLeftovers(dir);
    return new SourceManifest(file, { salt, readStartNs }, loadManifest(file, salt), settled);
  }

  /** The recorded entry for `absolutePath` when the file is unchanged (see `entryStillValid`), else undefined. */
  lookup(absolutePath: string, now: SourceStamp): ManifestEntry | undefined {
    const entry = this.previous?.entries.get(absolutePath);
    if (!entry || !entryStillValid(entry.stamp, now, this.previous?.readStartNs ?? 0n)) return undefined;
    this.held.set(absolutePath, entry);
    return entry;
  }

  /** Record a source read by this build (its stamp taken before the read). */
  record(absolutePath: string, stamp: SourceStamp, key: string, location: PackLocation, outcome: SourceOutcome): void {
    const entry = { stamp, key, location, outcome: withoutBody(outcome) };
    this.changed = true;
    if (!this.settled(location)) {
      this.held.set(absolutePath, entry);
      return;
    }
    (this.writer ??= ManifestWriter.open(this.file, this.head)).add(absolutePath, entry);
    this.written++;
    this.writtenPacks.add(location.pack);
  }

  /** Drop the manifest on disk (an entry it vouched for turned out damaged): the next build reads every source. */
  forget(): void {
    rmSync(this.file, { force: true });
  }

  /** Whether this build read any source or the set of sources changed: the manifest on disk no longer describes it. */
  get stale(): boolean {
    return this.changed || this.held.size + this.written !== (this.previous?.entries.size ?? -1);
  }

  /** The entries whose records garbage collection may move (every other one is in this build's pack). */
  entries(): IterableIterator<ManifestEntry> {
    return this.held.values();
  }

  /**
   * Finish the manifest (temporary name, synced, renamed), each held entry's record where
   * `relocate` says it now lies (an entry whose record is gone is left out); the names of the packs it refers to.
   */
  save(relocate: (key: string, location: PackLocation) => PackLocation | undefined): Set<string> {
    const packs = new Set(this.writtenPacks);
    const writer = this.writer ?? ManifestWriter.open(this.file, this.head);
    this.writer = undefined;
    for (const [file, entry] of this.held) {
      const location = relocate(entry.key, entry.location);
      if (!location) continue;
      packs.add(location.pack);
      writer.add(file, location === entry.location ? entry : { ...entry, location });
    }
    writer.finish();
    return packs;
  }
}

// Manifests that killed builds left half written.
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = /^sources\.bin\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && writerGone(Number(pid))) rmSync(path.join(dir, name), { force: true });
  }
}

function loadManifest(file: string, salt: string): ManifestFile | undefined {
  try {
    const read = readManifestParts<ManifestHead, ManifestEntry>(file);
    if (read?.head.salt !== salt) return undefined;
    // The pack names repeat in every entry: one string each, not one per entry.
    const names = new Map<string, string>();
    for (const entry of read.entries.values()) {
      const pack = entry.location.pack;
      if (!names.has(pack)) names.set(pack, pack);
      (entry.location as { pack: string }).pack = names.get(pack) ?? pack;
    }
    return { ...read.head, entries: read.entries };
  } catch {
    // No manifest or an unreadable one: every source is read.
    return undefined;
  }
}
// The body's two forms (HTML, and the plain text the search index reads) are most of an article's
// weight: kept in the cache entry only. The keys stay, undefined, so a restored article keeps its key order.
function withoutBody(outcome: SourceOutcome): SourceOutcome {
  if (!outcome.article) return outcome;
  // Field by field, never through the body getters of an article whose body waits in a body file.
  const fields = outcome.article as unknown as Record<string, unknown>;
  const article: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) article[name] = name === 'html' || name === 'text' ? undefined : fields[name];
  return { ...outcome, article: article as unknown as typeof outcome.article };
}
