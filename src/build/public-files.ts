import { existsSync, readdirSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import type { Page } from '../render/page.js';

const TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.ico': 'image/x-icon',
  '.webp': 'image/webp', '.pdf': 'application/pdf', '.txt': 'text/plain; charset=utf-8', '.html': 'text/html; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.woff2': 'font/woff2',
};

// The files of public/ to copy, `/`-separated and relative to it, in a stable order; hidden files are left out.
function publicFiles(entries: readonly Dirent[], publicDir: string): string[] {
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(publicDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => !rel.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/** The files of public/, copied as they are, in a stable order; hidden files are left out. */
export async function readPublicPages(publicDir: string, root: string): Promise<Page[]> {
  if (!existsSync(publicDir)) return [];
  const files = publicFiles(await readdir(publicDir, { recursive: true, withFileTypes: true }), publicDir);
  const origin = path.relative(root, publicDir).split(path.sep).join('/') || 'public';
  return Promise.all(
    files.map(async (rel) => ({
      url: `/${rel}`,
      outputPath: rel,
      contents: new Uint8Array(await readFile(path.join(publicDir, ...rel.split('/')))),
      contentType: TYPES[path.extname(rel).toLowerCase()] ?? 'application/octet-stream',
      origin: `${origin}/${rel}`,
    })),
  );
}

/** Each file `readPublicPages` copies, with its size, inode, mtime and ctime: a change to any of them changes this text. */
export function publicFilesStamp(publicDir: string): string {
  if (!existsSync(publicDir)) return '';
  return publicFiles(readdirSync(publicDir, { recursive: true, withFileTypes: true }), publicDir)
    .map((rel) => {
      const info = statSync(path.join(publicDir, ...rel.split('/')), { bigint: true });
      return `${rel}:${info.size}:${info.ino}:${info.mtimeNs}:${info.ctimeNs}`;
    })
    .join('\n');
}
