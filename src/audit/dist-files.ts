import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Every file in the built site, by path inside it with forward slashes. Folders are walked one at a time. */
export async function indexDist(outDir: string): Promise<Set<string>> {
  const files = new Set<string>();
  const pending = [''];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const entry of await readdir(path.join(outDir, dir), { withFileTypes: true })) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) pending.push(rel);
      else if (entry.isFile() || entry.isSymbolicLink()) files.add(rel);
    }
  }
  return files;
}

/** True when the output folder exists. */
export async function distExists(outDir: string): Promise<boolean> {
  try {
    return (await stat(outDir)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The HTML pages of the built site, read one at a time (a few ahead) so that a 100,000-page
 * site is never held in memory at once.
 */
export async function* readHtmlPages(outDir: string, files: Iterable<string>, ahead = 8): AsyncGenerator<{ outputPath: string; html: string }> {
  const queue: Promise<{ outputPath: string; html: string }>[] = [];
  const read = (outputPath: string) => readFile(path.join(outDir, outputPath), 'utf8').then((html) => ({ outputPath, html }));
  for (const file of files) {
    if (!/\.html?$/i.test(file)) continue;
    queue.push(read(file));
    if (queue.length >= ahead) yield await (queue.shift() as Promise<{ outputPath: string; html: string }>);
  }
  while (queue.length > 0) yield await (queue.shift() as Promise<{ outputPath: string; html: string }>);
}

/** Size in bytes of a file of the built site, undefined when it is not there. */
export async function distFileSize(outDir: string, outputPath: string): Promise<number | undefined> {
  try {
    return (await stat(path.join(outDir, outputPath))).size;
  } catch {
    return undefined;
  }
}
