import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { SiteConfig } from '../config/schema.js';
import type { SourceFile } from '../source/source-file.js';
import type { SourceOutcome } from './source-pipeline.js';
import { SourceManifest, type ManifestEntry } from './source-manifest.js';

/**
 * Outcomes of the per-file pipeline on disk, keyed by everything that decides them: the source's
 * bytes and paths, the whole site config and the tool's own code. Templates are not part of the
 * key because they do not change an outcome; pages are always rendered again.
 */
export class ContentCache {
  hits = 0;
  misses = 0;
  private readonly sizes = new Map<string, number>();
  private readonly madeFolders = new Set<string>();

  private constructor(
    readonly dir: string,
    private readonly salt: string,
      readonly sources: SourceManifest,
  ) {}

  /** Open (creating) the cache under `dir` for builds with this config, with the previous build's source manifest. */
  static async open(dir: string, config: SiteConfig): Promise<ContentCache> {
    const entries = path.join(dir, 'content');
    await mkdir(entries, { recursive: true });
    const salt = `${await toolFingerprint()}\n${JSON.stringify(config)}\n`;
    return new ContentCache(entries, salt, SourceManifest.open(dir, salt));
  }

  /**
   * A manifest entry's outcome, its article body read from the entry's cache file only when a page
   * or feed asks for it.
   */
  restore(entry: ManifestEntry): SourceOutcome {
    this.hits++;
    const { article } = entry.outcome;
    if (!article) return entry.outcome;
    const lazy: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(article)) {
      if (name !== 'html' && name !== 'text') lazy[name] = value;
      // Read again on every use, not kept: a 100,000-article build must not end up holding every body.
      else Object.defineProperty(lazy, name, { enumerable: true, get: () => this.body(entry.key, name) ?? this.damaged(entry.key, article.sourcePath) });
    }
    return { ...entry.outcome, article: lazy as unknown as typeof article };
  }

  /** The key of a source: a change to any byte, path, config value or the tool gives another key. */
  keyOf(source: SourceFile): string {
    return createHash('sha256').update(this.salt).update(`${source.path}\n${source.contentPath}\n`).update(source.bytes).digest('hex');
  }

  /** The stored outcome for `key`, or undefined (a missing or unreadable entry is a miss, never an error). */
  async get(key: string): Promise<SourceOutcome | undefined> {
    try {
      // Synchronous: an entry is a few kB, read faster than a round trip through the thread pool.
      const bytes = readFileSync(this.entryPath(key));
      const outcome = deserialize(bytes) as SourceOutcome;
      this.sizes.set(key, bytes.length);
      this.hits++;
      return outcome;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  /** Store an outcome; written to a temporary name and renamed, so a killed build never leaves half an entry. */
  async put(key: string, outcome: SourceOutcome): Promise<void> {
    const target = this.entryPath(key);
    const folder = path.dirname(target);
    // 256 folders hold every entry: make each once per build, not once per entry.
    if (!this.madeFolders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.madeFolders.add(folder);
    }
    const temporary = `${target}.${process.pid}.tmp`;
    const bytes = serialize(outcome);
    await writeFile(temporary, bytes);
    this.sizes.set(key, bytes.length);
    await rename(temporary, target);
  }

  private body(key: string, field: 'html' | 'text'): string | undefined {
    try {
      return (deserialize(readFileSync(this.entryPath(key))) as SourceOutcome).article?.[field];
    } catch {
      return undefined;
    }
  }

  // The manifest checked the entry's size; bytes damaged in place are the one case left, and no stale body is ever served for them.
  private damaged(key: string, sourcePath: string): never {
    rmSync(this.entryPath(key), { force: true });
    this.sources.forget();
    throw new Error(`the cache entry of ${sourcePath} is damaged (${this.entryPath(key)}); it has been removed: build again`);
  }

  /** Whether the entry for `key` is on disk with the size it was written with. */
  hasEntry(key: string, size: number): boolean {
    return statSync(this.entryPath(key), { throwIfNoEntry: false })?.size === size;
  }

  /** The size of the entry for `key` as this build read or wrote it, or undefined. */
  entrySize(key: string): number | undefined {
    return this.sizes.get(key);
  }

  private entryPath(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.bin`);
  }
}

let fingerprint: Promise<string> | undefined;

/** A hash of the tool's own code (lib/ when installed, src/ under tests): a new build of the tool never reads an old entry. */
export function toolFingerprint(): Promise<string> {
  return (fingerprint ??= hashTree(fileURLToPath(new URL('../', import.meta.url))));
}

async function hashTree(root: string): Promise<string> {
  const hash = createHash('sha256');
  const names = (await readdir(root, { recursive: true })).filter((n) => /\.(js|ts|mjs|json)$/.test(n)).sort();
  for (const name of names) hash.update(`${name}\n`).update(await readFile(path.join(root, name)));
  return hash.digest('hex');
}
