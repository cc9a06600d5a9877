import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readJournal } from '../cache/manifest-journal.js';
import { LoadStopped, readManifestParts } from '../cache/manifest-parts.js';
import { writerGone } from '../cache/writer-gone.js';
import { sourceEntryCodec } from './source-entry-codec.js';
import type { ManifestEntry } from './source-manifest.js';

/** The head of a base manifest (`sources.bin`). */
export interface ManifestHead {
  readonly salt: string;
  /** The file-system clock when that build began to stat its sources (the mtime of a file it wrote then). */
  readonly readStartNs: bigint;
  /** Names this base: a journal delta is applied only to the base it was written against. */
  readonly generation: string;
}

/** One build's changes, appended to the journal (`sources.journal`) beside the base it was written against. */
export interface ManifestDelta {
  readonly generation: string;
  /** That build's clock: the racy rule judges the entries it recorded by it. */
  readonly readStartNs: bigint;
  /** Entries recorded or relocated by that build, whole. */
  readonly entries: readonly (readonly [string, ManifestEntry])[];
  /** Sources no longer present (or whose record is gone). */
  readonly removed: readonly string[];
}

/** The manifest a build starts from: the base with the journal's deltas applied in order. */
export interface LoadedManifest {
  readonly head: ManifestHead;
  readonly entries: Map<string, ManifestEntry>;
  /** The clock of each entry a delta wrote (any other entry is the base's, judged by the base's clock). */
  readonly clocks: Map<string, bigint>;
  /** Entries and removals in the applied deltas; undefined when the journal must not be appended to (damaged, or another base's deltas in it). */
  readonly journalSize: number | undefined;
}

/**
 * The manifest in `file` and its `journal` for this salt, or undefined (none, another salt, or a
 * damaged base: every source is read); `LoadStopped` when `stop` said so between two parts.
 */
export function loadManifest(file: string, journal: string, salt: string, stop?: () => boolean): LoadedManifest | undefined {
  let base: { readonly head: ManifestHead; readonly entries: Map<string, ManifestEntry> };
  try {
    base = readManifestParts<ManifestHead, ManifestEntry>(file, sourceEntryCodec, stop);
  } catch (error) {
    if (error instanceof LoadStopped) throw error;
    return undefined;
  }
  if (base.head.salt !== salt || typeof base.head.generation !== 'string') return undefined;
  const clocks = new Map<string, bigint>();
  const journalSize = applyJournal(journal, base.head.generation, base.entries, clocks);
  sharePackNames(base.entries);
  return { head: base.head, entries: base.entries, clocks, journalSize };
}

/**
 * Apply the journal's deltas for `generation` to `entries`, noting each entry's clock in `clocks`.
 * Every delta holds whole entries, each checked on lookup against its file's stamp and its pack,
 * so applying only the deltas before a damaged part (or skipping another base's) never trusts a
 * stale entry: what a lost delta recorded is older here and is read again.
 */
function applyJournal(journal: string, generation: string, entries: Map<string, ManifestEntry>, clocks: Map<string, bigint>): number | undefined {
  const contents = readJournal(journal);
  let size = 0;
  let appendable = contents.intact;
  for (const delta of contents.values) {
    if (!isDelta(delta)) return undefined;
    // A delta of the base this one replaced (a build that began before it was written).
    if (delta.generation !== generation) {
      appendable = false;
      continue;
    }
    for (const [name, entry] of delta.entries) {
      entries.set(name, entry);
      clocks.set(name, delta.readStartNs);
    }
    for (const name of delta.removed) {
      entries.delete(name);
      clocks.delete(name);
    }
    size += delta.entries.length + delta.removed.length;
  }
  return appendable ? size : undefined;
}

function isDelta(value: unknown): value is ManifestDelta {
  const delta = value as Partial<ManifestDelta> | null;
  return typeof delta?.generation === 'string' && typeof delta.readStartNs === 'bigint' && Array.isArray(delta.entries) && Array.isArray(delta.removed);
}

/** Remove the manifests that killed builds left half written in `dir` (a running build's stay). */
export function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = /^sources\.bin\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && writerGone(Number(pid))) rmSync(path.join(dir, name), { force: true });
  }
}

// The pack names repeat in every entry: one string each, not one per entry.
function sharePackNames(entries: Map<string, ManifestEntry>): void {
  const names = new Map<string, string>();
  for (const entry of entries.values()) {
    const pack = entry.location.pack;
    if (!names.has(pack)) names.set(pack, pack);
    (entry.location as { pack: string }).pack = names.get(pack) ?? pack;
  }
}
