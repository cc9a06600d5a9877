import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '../render/page.js';
import { filesUnder, InPlaceUpdate } from './in-place-update.js';
import { applyJournal, journalPath, rollForward, writeJournal } from './journal.js';
import { removeTree } from './remove-tree.js';
import { fileInOutput, outputPathProblem, type Writer } from './writer.js';

/** Options of FsWriter. */
export interface FsWriterOptions {
  /** Writes in flight at once. */
  readonly concurrency: number;
}

/** Default FsWriter options. */
export const defaultFsWriterOptions = { concurrency: 32 } satisfies FsWriterOptions;

/**
 * Writes pages into a staging folder beside the output folder and swaps it in whole on commit,
 * so a failed or killed build leaves the previous output exactly as it was. In an in-place update
 * (few changed pages), only the changed pages are staged, and a journal moves them in.
 */
export class FsWriter implements Writer {
  readonly staging: string;
  readonly previous: string;
  /** Every output path of this build (written, linked or kept). */
  readonly outputs = new Set<string>();
  /** After commit: true when the output folder was left exactly as it was (nothing changed). */
  untouched = false;
  private readonly madeDirs = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;
  private update: InPlaceUpdate | undefined;

  private constructor(readonly outDir: string, private readonly options: FsWriterOptions) {
    const parent = path.dirname(outDir);
    const name = path.basename(outDir);
    this.staging = path.join(parent, `.${name}.staging`);
    this.previous = path.join(parent, `.${name}.previous`);
  }

  /** Prepare a fresh staging folder, first repairing what an interrupted build may have left. */
  static async open(outDir: string, options: FsWriterOptions = defaultFsWriterOptions): Promise<FsWriter> {
    const writer = new FsWriter(path.resolve(outDir), options);
    await FsWriter.recover(writer.outDir);
    // A journal still being written when its build was killed: that build never touched dist/.
    await rm(`${journalPath(writer.outDir)}.tmp`, { force: true });
    await removeTree(writer.staging);
    await mkdir(writer.staging, { recursive: true });
    writer.madeDirs.add(writer.staging);
    return writer;
  }

  /** Finish what an interrupted build left beside `outDir` (a journal rolled forward, a half swap undone); the audit calls it before reading. */
  static async recover(outDir: string): Promise<void> {
    const writer = new FsWriter(path.resolve(outDir), defaultFsWriterOptions);
    await rollForward(writer.outDir, writer.staging);
    await recoverInterruptedSwap(writer.outDir, writer.previous);
  }

  /**
   * Update the output folder in place on commit instead of swapping in a new tree, while at most
   * `limit` files change; `previousFiles` are the output paths the previous build left there.
   */
  updateInPlace(previousFiles: ReadonlySet<string>, limit: number): void {
    this.update = new InPlaceUpdate(previousFiles, limit);
  }

  async write(page: Page): Promise<void> {
    checkOutputPath(page);
    this.outputs.add(page.outputPath);
    if (this.update && InPlaceUpdate.sameFile(this.outputFile(page.outputPath), page.contents)) {
      this.update.kept.push(page.outputPath);
      return;
    }
    await this.queue(page, (target) => writeFile(target, page.contents));
    this.staged(page.outputPath);
  }

  /** Put an existing file (a previous build's identical page) at the page's path: a hard link, or a copy across devices. */
  async link(page: Page, existing: string): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    checkOutputPath(page);
    this.outputs.add(page.outputPath);
    if (this.update && existing === this.outputFile(page.outputPath)) {
      this.update.kept.push(page.outputPath);
      return;
    }
    this.linkIntoStaging(page.outputPath, existing);
    this.staged(page.outputPath);
  }

  /**
   * Record a page another thread writes straight into `staging` (after the caller checked its
   * path): an in-place update moves it into the output folder like a page written here.
   */
  writtenElsewhere(outputPath: string): void {
    this.outputs.add(outputPath);
    this.staged(outputPath);
  }

  /**
   * Make the staging folder of a page another thread will write, synchronously (one plain mkdir when
   * its parent exists): render threads then only create files, instead of contending on the lock
   * of the one folder that holds every article's folder.
   */
  makeFolderFor(outputPath: string): void {
    const dir = path.dirname(path.join(this.staging, ...outputPath.split('/')));
    const parent = path.dirname(dir);
    // Parents only: remembering each page's own folder would hold 100,000 names on a large site.
    if (this.madeDirs.has(dir)) return;
    if (!this.madeDirs.has(parent)) {
      mkdirSync(dir, { recursive: true });
      this.madeDirs.add(parent);
      return;
    }
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }

  private outputFile(outputPath: string): string {
    return fileInOutput(this.outDir, outputPath);
  }

  private staged(outputPath: string): void {
    if (!this.update) return;
    this.update.staged.push(outputPath);
    if (!this.update.overLimit) return;
    // Too many changes for an in-place update: the unchanged files join the staging folder, which is swapped in whole.
    for (const kept of this.update.kept) this.linkIntoStaging(kept, this.outputFile(kept));
    this.update = undefined;
  }

  private linkIntoStaging(outputPath: string, existing: string): void {
    // Synchronous: a link is one quick system call, far cheaper than a round trip through the thread pool.
    const target = path.join(this.staging, ...outputPath.split('/'));
    const dir = path.dirname(target);
    if (!this.madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    try {
      linkSync(existing, target);
    } catch {
      copyFileSync(existing, target);
    }
  }

  private async queue(page: Page, put: (target: string) => Promise<void>): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    checkOutputPath(page);
    const job = this.writeFile(page, put).then(
      () => void this.inFlight.delete(job),
      (error: unknown) => {
        this.inFlight.delete(job);
        this.failure ??= error;
      },
    );
    this.inFlight.add(job);
    if (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight);
  }

  private async writeFile(page: Page, put: (target: string) => Promise<void>): Promise<void> {
    const target = path.join(this.staging, ...page.outputPath.split('/'));
    const dir = path.dirname(target);
    if (!this.madeDirs.has(dir)) {
      // Most pages sit in a folder of their own under a folder made already: one plain mkdir, not a recursive walk.
      const made = this.madeDirs.has(path.dirname(dir));
      await mkdir(dir, { recursive: !made }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      this.madeDirs.add(dir);
    }
    await put(target);
  }

  async commit(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure !== undefined) throw this.failure;
    if (this.update) return this.commitInPlace(this.update);
    const hadOutput = await exists(this.outDir);
    if (hadOutput) await rename(this.outDir, this.previous);
    await rename(this.staging, this.outDir);
    if (hadOutput) await removeTree(this.previous);
  }

  private async commitInPlace(update: InPlaceUpdate): Promise<void> {
    // Read back rather than trusted from the bookkeeping: render threads write pages straight into the staging folder.
    const inStaging = await filesUnder(this.staging);
    for (const file of inStaging) this.outputs.add(file);
    const journal = update.journal(this.outputs, inStaging);
    if (journal.renames.length === 0 && journal.deletes.length === 0) {
      await removeTree(this.staging);
      this.untouched = true;
      return;
    }
    await writeJournal(this.outDir, journal);
    await applyJournal(this.outDir, this.staging, journal);
  }

  async abort(): Promise<void> {
    await Promise.allSettled(this.inFlight);
    await removeTree(this.staging);
  }
}

function checkOutputPath(page: Page): void {
  const problem = outputPathProblem(page.outputPath);
  if (problem) throw new Error(`Internal error: output path ${JSON.stringify(page.outputPath)} ${problem}`);
}

/** A build killed between the two renames of a swap leaves only the previous output: put it back. */
async function recoverInterruptedSwap(outDir: string, previous: string): Promise<void> {
  if (!(await exists(previous))) return;
  if (await exists(outDir)) await removeTree(previous);
  else await rename(previous, outDir);
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
