import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** File name endings the build reads as articles. */
export const articleExtensions: readonly string[] = ['.md', '.markdown', '.txt', '.html', '.htm'];

/** A content file found on disk. */
export interface FoundFile {
  readonly absolutePath: string;
  /** Relative to the content folder, forward slashes. */
  readonly contentPath: string;
}

/** What a walk of content/ found: article files in a stable order, and the problems met on the way. */
export interface FindResult {
  readonly files: readonly FoundFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Walk the content folder. Hidden files are skipped; a symbolic link is followed only when it stays
 * inside the content folder; files with other endings are reported, never skipped silently.
 */
export async function findSources(contentDir: string, displayDir: string): Promise<FindResult> {
  const root = await realpath(contentDir);
  const files: FoundFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const display = (rel: string) => path.posix.join(displayDir, rel);

  async function walk(dir: string, rel: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const absolutePath = path.join(dir, entry.name);
      const contentPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const target = entry.isSymbolicLink() ? await linkTarget(absolutePath, root) : absolutePath;
      if (target === undefined) {
        diagnostics.push(errorDiagnostic({
          file: display(contentPath),
          code: 'source/symlink-outside',
          message: 'symbolic link points outside the content folder; refused',
          note: 'copy the file into the content folder instead of linking to it',
        }));
        continue;
      }
      // The entry already says what a plain file or folder is: only a link's target needs a system call.
      const isDirectory = entry.isSymbolicLink() ? (await lstat(target)).isDirectory() : entry.isDirectory();
      if (isDirectory) {
        if (!entry.isSymbolicLink()) await walk(absolutePath, contentPath);
        else diagnostics.push(warningDiagnostic({ file: display(contentPath), code: 'source/symlink-dir', message: 'linked folder not followed' }));
      } else if (articleExtensions.includes(path.extname(entry.name).toLowerCase())) {
        files.push({ absolutePath, contentPath });
      } else {
        diagnostics.push(warningDiagnostic({
          file: display(contentPath),
          code: 'source/not-an-article',
          message: `not an article source (${articleExtensions.join(' ')}); ignored`,
          note: 'put images and attachments in public/',
        }));
      }
    }
  }

  await walk(root, '');
  return { files, diagnostics };
}

async function linkTarget(link: string, root: string): Promise<string | undefined> {
  try {
    const target = await realpath(link);
    return target === root || target.startsWith(root + path.sep) ? target : undefined;
  } catch {
    return undefined;
  }
}
