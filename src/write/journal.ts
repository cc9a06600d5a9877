import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { mkdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { outputPathProblem } from './writer.js';
import { removeTree } from './remove-tree.js';

/** An in-place update of an output folder: output paths to move in from the staging folder, and output paths to delete. */
export interface Journal {
  readonly renames: readonly string[];
  readonly deletes: readonly string[];
}

/** Where the journal of `outDir` lives: beside it, `.dist.journal` for `dist`. */
export function journalPath(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.journal`);
}

/**
 * Record the update durably before any of it happens: written to a temporary name, fsync'd,
 * renamed, and the folder fsync'd, so a journal is either absent or complete.
 */
export async function writeJournal(outDir: string, journal: Journal): Promise<void> {
  const target = journalPath(outDir);
  const temporary = `${target}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, JSON.stringify(journal));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  await rename(temporary, target);
  syncFolder(path.dirname(target));
}

/**
 * Carry out a journal; every step can be repeated, so a journal applied halfway (a killed build)
 * is finished by applying it again. Deletions come first: a deleted file may stand where a new
 * page's folder goes.
 */
export async function applyJournal(outDir: string, staging: string, journal: Journal): Promise<void> {
  for (const file of journal.deletes) {
    await rm(inside(outDir, file), { force: true });
    await pruneEmptyFolders(outDir, path.dirname(file));
  }
  const made = new Set<string>();
  for (const file of journal.renames) {
    const target = inside(outDir, file);
    const dir = path.dirname(target);
    if (!made.has(dir)) await mkdir(dir, { recursive: true });
    made.add(dir);
    // A missing staged file was moved in by the earlier, interrupted run of this journal.
    await rename(inside(staging, file), target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await rm(journalPath(outDir), { force: true });
  await removeTree(staging);
}

/** Finish the in-place update an interrupted build left (a journal beside `outDir`); true when there was one. */
export async function rollForward(outDir: string, staging: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(journalPath(outDir), 'utf8');
  } catch {
    return false;
  }
  const journal = JSON.parse(text) as Journal;
  const paths = Array.isArray(journal.renames) && Array.isArray(journal.deletes) ? [...journal.renames, ...journal.deletes] : [undefined];
  if (paths.some((p) => typeof p !== 'string' || outputPathProblem(p) !== undefined)) throw new Error(`Internal error: ${journalPath(outDir)} is not a journal of output paths`);
  await applyJournal(outDir, staging, journal);
  return true;
}

function inside(dir: string, outputPath: string): string {
  return path.join(dir, ...outputPath.split('/'));
}

// A cold build has no empty folders: remove the ones a deletion leaves, up to the output folder.
async function pruneEmptyFolders(outDir: string, relativeDir: string): Promise<void> {
  for (let dir = relativeDir; dir !== '.' && dir !== ''; dir = path.posix.dirname(dir)) {
    try {
      await rmdir(inside(outDir, dir));
    } catch {
      return;
    }
  }
}

function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
