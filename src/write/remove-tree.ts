import { readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Calls in flight per folder being emptied. */
const callsAtOnce = 8;

/**
 * Remove a folder and everything in it, as `rm -rf` does (nothing there is no error), a few calls at
 * a time. `fs.rm` with `recursive` starts one call per entry of a folder at once: on an output folder
 * of 100,000 article folders that was 310,000 requests in flight, which held 400 MB.
 */
export async function removeTree(target: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(target, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') return removeFile(target);
    throw error;
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let entry = entries[next++]; entry !== undefined; entry = entries[next++]) {
      const child = path.join(target, entry.name);
      await (entry.isDirectory() ? removeTree(child) : removeFile(child));
    }
  };
  await Promise.all(Array.from({ length: Math.min(callsAtOnce, entries.length) }, worker));
  await rmdir(target).catch(ignoreGone);
}

async function removeFile(file: string): Promise<void> {
  await unlink(file).catch(ignoreGone);
}

function ignoreGone(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
