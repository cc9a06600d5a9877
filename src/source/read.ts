import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { failContent } from '../diagnostics/content-error.js';
import type { FoundFile } from './find.js';
import type { SourceFile } from './source-file.js';

/** Options of `readSource`. */
export interface ReadOptions {
  /** How diagnostics name the content folder, e.g. `content`. */
  readonly displayDir: string;
  /** Larger files are refused: an article is never this long, a misplaced export or binary is. */
  readonly maxBytes: number;
}

/** Default limits for reading sources. */
export const defaultReadOptions = { displayDir: 'content', maxBytes: 5 * 1024 * 1024 } satisfies ReadOptions;

const MAGIC: readonly (readonly [string, readonly number[]])[] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive (or .docx/.xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['Word 97 document', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** Read one content file, refusing empty, oversized and binary files with a clear error. */
export async function readSource(found: FoundFile, options: ReadOptions = defaultReadOptions): Promise<SourceFile> {
  const file = path.posix.join(options.displayDir, found.contentPath);
  checkSize((await stat(found.absolutePath)).size, file, options);
  const bytes = new Uint8Array(await readFile(found.absolutePath));
  checkContentBytes(bytes, file);
  return { path: file, contentPath: found.contentPath, bytes };
}

/**
 * `readSource` without the thread pool: the dev server reads one saved file while the file
 * watcher may have the pool busy statting a whole folder.
 */
export function readSourceSync(found: FoundFile, options: ReadOptions = defaultReadOptions): SourceFile {
  const file = path.posix.join(options.displayDir, found.contentPath);
  // The size from the open file, not a stat of its path: one walk of the path a source, not two.
  const fd = openSync(found.absolutePath, 'r');
  let bytes: Uint8Array;
  try {
    checkSize(fstatSync(fd).size, file, options);
    bytes = new Uint8Array(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
  checkContentBytes(bytes, file);
  return { path: file, contentPath: found.contentPath, bytes };
}

function checkSize(size: number, file: string, options: ReadOptions): void {
  if (size > options.maxBytes) {
    failContent({
      file,
      code: 'source/too-large',
      message: `file is ${(size / 1048576).toFixed(1)} MB; articles over ${(options.maxBytes / 1048576).toFixed(0)} MB are refused`,
      note: 'split the article, or move large attachments to public/ and link to them',
    });
  }
}

/** Refuse bytes that cannot be an article: empty, or a known binary format. */
export function checkContentBytes(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) {
    failContent({ file, code: 'source/empty', message: 'file is empty', note: 'write the article, or delete the file' });
  }
  const kind = MAGIC.find(([, magic]) => magic.every((b, i) => bytes[i] === b));
  if (kind) {
    failContent({
      file,
      code: 'source/binary',
      message: `file is a ${kind[0]}, not text`,
      note: 'put binary files in public/ and link to them from an article',
    });
  }
}
