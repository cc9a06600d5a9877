import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, found from this file. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Shared read-only material beside the project. */
export const sharedDir = path.resolve(projectRoot, '../shared');
/** Real files under a folder named after their true encoding. */
export const encodingCorpusDir = path.join(sharedDir, 'corpus/encodings');
/** True when the shared corpus is present (it is beside every clone, but not inside the package). */
export const hasEncodingCorpus = existsSync(encodingCorpusDir);

/** Corpus folder -> the canonical encoding of its family. */
export const familyOfFolder: Readonly<Record<string, string>> = {
  GB2312: 'gb18030',
  GBK: 'gb18030',
  GB18030: 'gb18030',
  Big5: 'big5',
  'Big5-HKSCS': 'big5',
  Shift_JIS: 'shift_jis',
  CP932: 'shift_jis',
  'UTF-8': 'utf-8',
  'UTF-8-BOM': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16LE-BOM': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'UTF-16BE-BOM': 'utf-16be',
};

/** One corpus file with its true family. */
export interface CorpusFile {
  readonly name: string;
  readonly folder: string;
  readonly family: string;
  readonly bytes: Uint8Array;
}

/** Every file of the encoding corpus, in a stable order. */
export function readEncodingCorpus(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const folder of readdirSync(encodingCorpusDir).sort()) {
    const family = familyOfFolder[folder];
    if (family === undefined) continue;
    for (const name of readdirSync(path.join(encodingCorpusDir, folder)).sort()) {
      files.push({ name: `${folder}/${name}`, folder, family, bytes: readFileSync(path.join(encodingCorpusDir, folder, name)) });
    }
  }
  return files;
}
