import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { urlToOutputPath } from '../site/urls.js';
import { fileInOutput } from '../write/writer.js';
import { threadAnswer } from './thread-answer.js';
import { manifestBytesForThread } from './worker-limits.js';

/** What the manifest records about the output folder it describes, and each page's input fingerprint by URL. */
export interface PageManifest {
  readonly outDir: string;
  /** The output folder's inode and ctime when the manifest was written: another build swapping in a new folder changes them. */
  readonly dir: string;
  /** Per URL: the input fingerprint, and the file's stamp (inode, size, mtime) as this build left it. */
  readonly pages: Readonly<Record<string, readonly [string, string]>>;
  /** Every output path the build left in the folder: the next in-place update deletes those it no longer produces. */
  readonly files?: readonly string[];
  /** Per shared page unit (`modelPageUnits`, by id): the key of what it is made from, and the pages it wrote, in order. */
  readonly units?: Readonly<Record<string, SharedUnitRecord>>;
  /** By output path, the stamp of every other file the build left (theme assets, public files, copies). */
  readonly others?: Readonly<Record<string, string>>;
  /** What the whole output was made from, to know the same build again (`unchanged-output.ts`). */
  readonly output?: OutputRecord;
}

/** The inputs of a whole output, and the span of build times over which they give the same pages. */
export interface OutputRecord {
  /** A digest of everything the pages are made from but the build time. */
  readonly inputs: string;
  /** The build time of the build that wrote the output. */
  readonly since: number;
  /** The first build time at which the same inputs could give other pages. */
  readonly until: number;
}

/** A shared page unit in the manifest: its key, and its pages (with their 简/繁 copies) as written. */
export type SharedUnitRecord = readonly [string, readonly SharedPageRecord[]];

/** A shared page as written: URL, output path, content type, origin. */
export type SharedPage = readonly [string, string, string, string];
/** A shared page in the manifest: as written, then the file's stamp. */
export type SharedPageRecord = readonly [string, string, string, string, string];

/** A file's stamp (inode, size, mtime in ns), or undefined when it is gone. */
export function fileStamp(file: string): string | undefined {
  const info = statSync(file, { bigint: true, throwIfNoEntry: false });
  return info && stampText(info);
}

function stampText(info: { readonly ino: bigint; readonly size: bigint; readonly mtimeNs: bigint }): string {
  return `${info.ino}:${info.size}:${info.mtimeNs}`;
}

/** A manifest that describes the output folder, and which of the files it lists are no longer as that build left them. */
export interface LoadedManifest {
  readonly manifest: PageManifest;
  /** By absolute path, each file the manifest lists whose stamp now is another than the recorded one, with the stamp it has now (undefined: gone). */
  readonly changed: ReadonlyMap<string, string | undefined>;
  /** Whether every file the manifest lists is as the build left it (same stamp). */
  readonly intact: boolean;
}

/** Whether a file the manifest lists, with the stamp the manifest records for it, is as the build left it (stat'ed as the build began). */
export function leftAsRecorded(loaded: LoadedManifest, file: string, recorded: string): boolean {
  // Mostly nothing changed: then the path (a string just joined) is not hashed for the lookup.
  return loaded.changed.size === 0 || !loaded.changed.has(file) || loaded.changed.get(file) === recorded;
}

/**
 * The manifest beside `outDir` (as `readManifest`) with the files it lists that changed since;
 * read on a thread of its own when it is larger than `threadAbove` bytes. Never rejects.
 */
export async function loadManifest(cacheDir: string, outDir: string, threadAbove = manifestBytesForThread): Promise<LoadedManifest | undefined> {
  const file = manifestPath(cacheDir, outDir);
  try {
    const size = statSync(file, { throwIfNoEntry: false })?.size;
    if (size === undefined) return undefined;
    if (size > threadAbove) return await loadOnThread(file, outDir);
    const manifest = await readManifest(file, outDir);
    return manifest && checkedManifest(manifest, outDir);
  } catch {
    // A manifest that cannot be used is no manifest: nothing is reused.
    return undefined;
  }
}

/** The manifest with each file it lists stat'ed now: those changed since, and whether none did. */
export function checkedManifest(manifest: PageManifest, outDir: string): LoadedManifest {
  const changed = new Map<string, string | undefined>();
  for (const [outputPath, recorded] of recordedFiles(manifest)) {
    const file = fileInOutput(outDir, outputPath);
    const stamp = fileStampOrGone(file);
    if (stamp !== recorded) changed.set(file, stamp);
  }
  return loadedManifest(manifest, changed);
}

/** What the manifest thread answers: the manifest's text, and the files changed since (`checkedManifest`); nothing when there is no usable manifest. */
export interface ManifestCheckReply {
  readonly text?: string;
  readonly changed?: readonly (readonly [string, string | undefined])[];
}

const threadUrl = new URL('../../lib/build/page-manifest-thread.js', import.meta.url);

// The thread reads the text once and sends it whole (a string is copied, not serialized); this thread parses it again.
async function loadOnThread(file: string, outDir: string): Promise<LoadedManifest | undefined> {
  const reply = await threadAnswer<ManifestCheckReply>(threadUrl, { file, outDir });
  if (reply?.text === undefined || reply.changed === undefined) return undefined;
  return loadedManifest(JSON.parse(reply.text) as PageManifest, new Map(reply.changed));
}

// Intact: every file the manifest lists is as the build left it, and it lists every file the build left.
function loadedManifest(manifest: PageManifest, changed: ReadonlyMap<string, string | undefined>): LoadedManifest {
  return { manifest, changed, intact: manifest.others !== undefined && changed.size === 0 };
}

/** Each file a manifest records, by output path, with the stamp the build left it with: article pages, shared units' pages, then the others. */
export function* recordedFiles(manifest: Pick<PageManifest, 'pages' | 'units' | 'others'>): Generator<readonly [string, string]> {
  // One pair at a time: at 100,000 articles with every output a manifest records 460,000 files.
  for (const [url, [, stamp]] of Object.entries(manifest.pages)) yield [urlToOutputPath(url), stamp];
  for (const [, pages] of Object.values(manifest.units ?? {})) for (const page of pages) yield [page[1], page[4]];
  yield* Object.entries(manifest.others ?? {});
}

// One synchronous stat after another: about 4 µs each here, where a promise per file on the libuv
// pool cost 15–20 µs. Gone or unreadable (a folder where the file was, a permission): rendered again.
function fileStampOrGone(file: string): string | undefined {
  try {
    return fileStamp(file);
  } catch {
    return undefined;
  }
}

/** Where the manifest of the pages written into `outDir` lives in the cache folder. */
export function manifestPath(cacheDir: string, outDir: string): string {
  const name = createHash('sha256').update(outDir).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'pages', `${name}.json`);
}

/** The manifest in `file` when it describes this very `outDir` (same folder inode and ctime), else undefined. */
export async function readManifest(file: string, outDir: string): Promise<PageManifest | undefined> {
  try {
    return await manifestFor(await readFile(file, 'utf8'), outDir);
  } catch {
    // No manifest, an unreadable one, or no output folder: nothing is reused.
    return undefined;
  }
}

/** The manifest `text` holds when it describes this very `outDir` (same folder inode and ctime), else undefined; throws on a text that is no JSON or no folder. */
export async function manifestFor(text: string, outDir: string): Promise<PageManifest | undefined> {
  const manifest = JSON.parse(text) as PageManifest;
  return manifest.outDir === outDir && manifest.dir === (await dirStamp(outDir)) ? manifest : undefined;
}

/** A folder's device, inode and ctime: another build swapping in a new folder changes them. */
export async function dirStamp(dir: string): Promise<string> {
  const info = await stat(dir, { bigint: true });
  return `${info.dev}:${info.ino}:${info.ctimeNs}`;
}
