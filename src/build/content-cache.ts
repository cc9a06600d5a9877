import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { PackStore, type PackLocation } from '../cache/pack-store.js';
import type { SiteConfig } from '../config/schema.js';
import type { SourceFile } from '../source/source-file.js';
import { serializedOf } from './serialized-outcome.js';
import type { SourceOutcome } from './source-pipeline.js';
import { SourceManifest, type ManifestEntry } from './source-manifest.js';
import { damagedEntry, restoredFrom, type RecordRef, type Restored } from './restored-body.js';
import { toolFingerprint } from './tool-fingerprint.js';

/**
 * Outcomes of the per-file pipeline on disk, keyed by everything that decides them: the source's
 * bytes and paths, the whole site config and the tool's own code. Templates are not part of the
 * key because they do not change an outcome; pages are always rendered again. Each outcome is one
 * checksummed record in the pack store (`packs/`), found through the source manifest or by key.
 */
export class ContentCache {
  hits = 0;
  misses = 0;
  // Where this build read or wrote each key's record, until the source manifest takes it.
  private readonly located = new Map<string, PackLocation>();

  private constructor(
    readonly dir: string,
    private readonly salt: string,
    readonly sources: SourceManifest,
    private readonly store: PackStore,
  ) {}

  /**
   * Open (creating) the cache under `dir` for builds with this config, with the previous build's
   * source manifest; `LoadStopped` as soon as `stop` says so while the manifest loads.
   */
  static async open(dir: string, config: SiteConfig, stop?: () => boolean): Promise<ContentCache> {
    await mkdir(dir, { recursive: true });
    // The one-file-per-entry layout of earlier versions: its entries can never be read again.
    const old = path.join(dir, 'content');
    if (existsSync(old)) rmSync(old, { recursive: true, force: true });
    const salt = `${await toolFingerprint(dir)}\n${JSON.stringify(config)}\n`;
    const packs = path.join(dir, 'packs');
    const store = PackStore.open(packs);
    return new ContentCache(packs, salt, SourceManifest.open(dir, salt, (location) => store.writes(location.pack), stop), store);
  }

  /**
   * A manifest entry's outcome, its article body read from the entry's record only when a page
   * or feed asks for it.
   */
  restore(entry: ManifestEntry): SourceOutcome {
    this.hits++;
    const { article } = entry.outcome;
    if (!article) return entry.outcome;
    const fields = article as unknown as Record<string, unknown>;
    const lazy: Record<string, unknown> = {};
    // for-in, not Object.entries: no array of pairs per article (about 30 % faster). A manifest
    // article is a plain object, so for-in sees its own keys only, in order, as Object.entries did.
    for (const name in fields) {
      if (name !== 'html' && name !== 'text') lazy[name] = fields[name];
      // Read again on every use, not kept: a 100,000-article build must not end up holding every body.
      else Object.defineProperty(lazy, name, { enumerable: true, get: name === 'html' ? restoredHtml : restoredText });
    }
    Object.defineProperty(lazy, restoredFrom, { value: { cache: this, entry } });
    return { ...entry.outcome, article: lazy as unknown as typeof article };
  }

  /** A restored article's HTML or plain text, read from its record; a damaged record is an error. */
  bodyOf(entry: ManifestEntry, field: 'html' | 'text'): string {
    return this.body(entry, field) ?? this.damaged(entry, entry.outcome.article?.sourcePath ?? entry.outcome.path);
  }

  /** Where a restored article's HTML or text lies, for another thread to read (`readRecordBody`); undefined when its pack cannot be opened. */
  recordRef(entry: ManifestEntry, field: 'html' | 'text'): RecordRef | undefined {
    const fd = this.store.readFd(entry.location.pack);
    if (fd === undefined) return undefined;
    const { offset, length, pack } = entry.location;
    const source = entry.outcome.article?.sourcePath ?? entry.outcome.path;
    return { fd, offset, length, key: entry.key, field, source, where: damagedWhere(this.dir, pack, offset), manifest: this.sources.path };
  }

  /** The key of a source: a change to any byte, path, config value or the tool gives another key. */
  keyOf(source: SourceFile): string {
    return createHash('sha256').update(this.salt).update(`${source.path}\n${source.contentPath}\n`).update(source.bytes).digest('hex');
  }

  /** The stored outcome for `key`, or undefined (a missing, torn or damaged record is a miss, never an error). */
  async get(key: string): Promise<SourceOutcome | undefined> {
    const location = this.store.find(key);
    const payload = location && this.store.read(location, key);
    if (!location || !payload) {
      this.misses++;
      return undefined;
    }
    try {
      const outcome = deserialize(payload) as SourceOutcome;
      this.located.set(key, location);
      this.hits++;
      return outcome;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  /** Store an outcome: appended to this build's pack, which is found by key only once the build saves. */
  async put(key: string, outcome: SourceOutcome): Promise<void> {
    const made = serializedOf(outcome);
    this.located.set(key, made ? this.store.append(key, made.bytes, made.checksum) : this.store.append(key, serialize(outcome)));
  }

  /** Whether the record a manifest entry points at is in a pack of the store (its bytes are checked when read). */
  hasEntry(entry: ManifestEntry): boolean {
    return this.store.holds(entry.location);
  }

  /** Where the record of `key` lies, as this build read or wrote it (asked once, by the source manifest), or undefined. */
  locationOf(key: string): PackLocation | undefined {
    const location = this.located.get(key);
    this.located.delete(key);
    return location;
  }

  /**
   * Make this build's records durable, then the manifest that points at them, then delete what no
   * manifest needs: a build killed at any point leaves the old cache or the new one, whole.
   */
  save(): void {
    if (!this.sources.stale) return;
    const relocate = this.store.compact(this.sources.entries());
    this.store.seal();
    this.store.keepOnly(this.sources.save(relocate));
  }

  private body(entry: ManifestEntry, field: 'html' | 'text'): string | undefined {
    try {
      const payload = this.store.read(entry.location, entry.key);
      return payload && (deserialize(payload) as SourceOutcome).article?.[field];
    } catch {
      return undefined;
    }
  }

  // The record's checksum or key did not match: no stale body is ever served, and the next build reads every source again.
  private damaged(entry: ManifestEntry, sourcePath: string): never {
    this.sources.forget();
    throw damagedEntry(sourcePath, damagedWhere(this.dir, entry.location.pack, entry.location.offset));
  }
}

function damagedWhere(dir: string, pack: string, offset: number): string {
  return `${path.join(dir, `${pack}.pack`)} at byte ${offset}`;
}

function restoredField(article: object, field: 'html' | 'text'): string {
  const from = (article as Restored)[restoredFrom];
  if (from === undefined) throw new Error("Internal error: a restored article's body was read through an object the cache did not make");
  return from.cache.bodyOf(from.entry, field);
}

function restoredHtml(this: object): string {
  return restoredField(this, 'html');
}

function restoredText(this: object): string {
  return restoredField(this, 'text');
}
