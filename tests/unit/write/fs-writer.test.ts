import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FsWriter } from '../../../src/write/fs-writer.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function outDir(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-fs-writer-'));
  roots.push(root);
  return path.join(root, 'dist');
}

describe('FsWriter.makeFolderFor', () => {
  it.each([
    ['an article folder under a new parent', ['articles/a000001/index.html']],
    ['many article folders in one parent', ['articles/a1/index.html', 'articles/a2/index.html', 'articles/a3/index.html']],
    ['the same folder twice, and a deeper one after its parent was made', ['articles/a1/index.html', 'articles/a1/index.html', 'articles/a1/print/index.html']],
    ['a 繁体 copy beside its page', ['articles/新闻/index.html', 'zh-hant/articles/新闻/index.html']],
    ['a file at the top', ['index.html']],
  ])('makes %s, so another thread only creates the files, which reach dist/ on commit', async (_name, outputPaths) => {
    const dist = outDir();
    const writer = await FsWriter.open(dist);
    for (const outputPath of outputPaths) {
      writer.makeFolderFor(outputPath);
      // What a render thread does: a plain file write into staging, no mkdir.
      writeFileSync(path.join(writer.staging, ...outputPath.split('/')), `页面 ${outputPath}`);
      writer.writtenElsewhere(outputPath);
    }
    await writer.commit();
    for (const outputPath of outputPaths) expect(readFileSync(path.join(dist, ...outputPath.split('/')), 'utf8')).toBe(`页面 ${outputPath}`);
  });
});
