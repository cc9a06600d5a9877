import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FsWriter } from '../../../src/write/fs-writer.js';
import { journalPath, writeJournal, type Journal } from '../../../src/write/journal.js';
import { hashTree } from '../../helpers/tree.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function put(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

const journal: Journal = { renames: ['index.html', 'news/a/index.html', 'news/new/index.html'], deletes: ['news/gone/index.html'] };
const expected = new Map(Object.entries({ 'index.html': '新首页', 'news/a/index.html': '新文章', 'news/b/index.html': '旧文章乙', 'news/new/index.html': '新增文章' }));

/** A site whose in-place update was journaled: dist/ as the previous build left it, the changed pages staged, the journal written. */
async function journaled(): Promise<{ dist: string; staging: string }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-journal-'));
  roots.push(root);
  const dist = path.join(root, 'dist');
  const staging = path.join(root, '.dist.staging');
  put(dist, { 'index.html': '旧首页', 'news/a/index.html': '旧文章', 'news/b/index.html': '旧文章乙', 'news/gone/index.html': '删除的文章' });
  put(staging, { 'index.html': '新首页', 'news/a/index.html': '新文章', 'news/new/index.html': '新增文章' });
  await writeJournal(dist, journal);
  return { dist, staging };
}

function contents(dir: string): Map<string, string> {
  return new Map([...hashTree(dir).keys()].map((name) => [name, readText(dir, name)]));
}

function readText(dir: string, name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

const move = (dist: string, staging: string, name: string) => {
  mkdirSync(path.dirname(path.join(dist, name)), { recursive: true });
  renameSync(path.join(staging, name), path.join(dist, name));
};

describe('an in-place update killed at any step is finished by the next writer', () => {
  it.each<[string, (dist: string, staging: string) => void]>([
    ['journal written, nothing applied', () => undefined],
    ['the deletion done', (dist) => rmSync(path.join(dist, 'news/gone'), { recursive: true })],
    ['the deletion and the first rename done', (dist, staging) => {
      rmSync(path.join(dist, 'news/gone'), { recursive: true });
      move(dist, staging, 'index.html');
    }],
    ['every step done, the journal still there', (dist, staging) => {
      rmSync(path.join(dist, 'news/gone'), { recursive: true });
      journal.renames.forEach((name) => move(dist, staging, name));
    }],
    ['the journal removed, the staging folder not yet', (dist, staging) => {
      rmSync(path.join(dist, 'news/gone'), { recursive: true });
      journal.renames.forEach((name) => move(dist, staging, name));
      unlinkSync(journalPath(dist));
    }],
  ])('%s', async (_, done) => {
    const { dist, staging } = await journaled();
    done(dist, staging);
    await (await FsWriter.open(dist)).abort();
    expect(contents(dist)).toEqual(expected);
    expect(existsSync(path.join(dist, 'news/gone'))).toBe(false);
    expect(existsSync(journalPath(dist))).toBe(false);
    expect(existsSync(staging)).toBe(false);
  });

  it('is finished by FsWriter.recover too (what the audit runs before reading dist/)', async () => {
    const { dist, staging } = await journaled();
    await FsWriter.recover(dist);
    expect(contents(dist)).toEqual(expected);
    expect(existsSync(staging)).toBe(false);
  });

  it('ignores a journal that was never completed (killed while writing it): dist/ stays the previous output', async () => {
    const { dist, staging } = await journaled();
    renameSync(journalPath(dist), `${journalPath(dist)}.tmp`);
    await (await FsWriter.open(dist)).abort();
    expect(contents(dist)).toEqual(new Map(Object.entries({ 'index.html': '旧首页', 'news/a/index.html': '旧文章', 'news/b/index.html': '旧文章乙', 'news/gone/index.html': '删除的文章' })));
    expect(readdirSync(path.dirname(dist)).sort()).toEqual(['dist']);
    expect(existsSync(staging)).toBe(false);
  });

  it('refuses a journal that names a path outside the output folder', async () => {
    const { dist } = await journaled();
    writeFileSync(journalPath(dist), JSON.stringify({ renames: ['../outside.html'], deletes: [] }));
    await expect(FsWriter.open(dist)).rejects.toThrow(/Internal error: .*not a journal of output paths/);
  });
});
