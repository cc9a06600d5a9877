import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeDurably } from '../cache/write-all.js';
import type { Article } from '../content/types.js';
import { articlesDigest, parseManifest, sameManifest, updateManifest, type DatesManifest } from './manifest.js';

/**
 * Where the dates manifest lives in a site: outside content/ and templates/ (the build never
 * writes there) and outside dist/ (it would be published).
 */
export const manifestRelativePath = '.cache/broadsheet/manifest.json';

/** Beside the manifest: the articles it was last kept for and the digest of its file then (`keepManifest`). */
const sealRelativePath = '.cache/broadsheet/manifest.seal';

/** What was found at the manifest path. */
export interface StoredManifest {
  readonly manifest?: DatesManifest;
  /** Set when a file was there but could not be used. */
  readonly problem?: string;
}

/** Read the manifest of the previous build; none on the first build. */
export async function readManifest(root: string): Promise<StoredManifest> {
  const read = await readIfThere(path.join(root, manifestRelativePath));
  if (typeof read === 'string') return { problem: `cannot read it: ${read}` };
  return read === undefined ? {} : storedManifest(read);
}

function storedManifest(bytes: Buffer): StoredManifest {
  const manifest = parseManifest(bytes.toString('utf8'));
  return manifest ? { manifest } : { problem: 'it is not a Broadsheet dates manifest (damaged or from another tool)' };
}

/** Write the manifest atomically (a killed build leaves the old one whole); the bytes written. */
export async function writeManifest(root: string, manifest: DatesManifest): Promise<Buffer> {
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`);
  await writeAtomically(path.join(root, manifestRelativePath), bytes);
  return bytes;
}

/**
 * Keep the dates manifest after a build of `articles`: first dates kept, new sources added, removed
 * ones dropped, and the file rewritten only when that changes it. The seal beside it names the
 * articles it was last kept for and its file's digest then: when both still hold, the manifest
 * would come out the same and is not even parsed (at 100,000 articles parsing, updating and
 * comparing it took 0.4–0.7 s of every warm build). A manifest edited or damaged since fails the
 * seal and is read and mended as before.
 */
export async function keepManifest(root: string, articles: readonly Article[]): Promise<void> {
  const sealFile = path.join(root, sealRelativePath);
  const read = await readIfThere(path.join(root, manifestRelativePath));
  const bytes = Buffer.isBuffer(read) ? read : undefined;
  const kept = articlesDigest(articles);
  const seal = await readIfThere(sealFile);
  if (bytes !== undefined && Buffer.isBuffer(seal) && seal.toString('utf8') === sealText(kept, bytes)) return;
  const previous = bytes && storedManifest(bytes).manifest;
  const updated = updateManifest(previous, articles);
  const written = previous === undefined || !sameManifest(previous, updated) ? await writeManifest(root, updated) : bytes;
  if (written !== undefined) await writeAtomically(sealFile, Buffer.from(sealText(kept, written)));
}

/**
 * Whether the dates manifest and its seal are both there: a build with nothing to do may then leave
 * them as they are, without the articles to check the seal against (a deleted one is made again).
 */
export function manifestKept(root: string): boolean {
  return existsSync(path.join(root, manifestRelativePath)) && existsSync(path.join(root, sealRelativePath));
}

function sealText(articles: string, manifestBytes: Buffer): string {
  return `${articles}\n${createHash('sha256').update(manifestBytes).digest('hex')}\n`;
}

/** A file's bytes, undefined when there is none, or why it could not be read. */
async function readIfThere(file: string): Promise<Buffer | undefined | string> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return (error as Error).message;
  }
}

// Durably, under a temporary name first: a killed build leaves the old file whole.
async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  writeDurably(file, bytes);
}
