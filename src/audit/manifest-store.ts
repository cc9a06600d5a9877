import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseManifest, type DatesManifest } from './manifest.js';

/**
 * Where the dates manifest lives in a site: outside content/ and templates/ (the build never
 * writes there) and outside dist/ (it would be published).
 */
export const manifestRelativePath = '.cache/broadsheet/manifest.json';

/** What was found at the manifest path. */
export interface StoredManifest {
  readonly manifest?: DatesManifest;
  /** Set when a file was there but could not be used. */
  readonly problem?: string;
}

/** Read the manifest of the previous build; none on the first build. */
export async function readManifest(root: string): Promise<StoredManifest> {
  let text: string;
  try {
    text = await readFile(path.join(root, manifestRelativePath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { problem: `cannot read it: ${(error as Error).message}` };
  }
  const manifest = parseManifest(text);
  return manifest ? { manifest } : { problem: 'it is not a Broadsheet dates manifest (damaged or from another tool)' };
}

/** Write the manifest atomically (a killed build leaves the old one whole). */
export async function writeManifest(root: string, manifest: DatesManifest): Promise<void> {
  const file = path.join(root, manifestRelativePath);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(manifest, null, 1)}\n`);
  await rename(temporary, file);
}
