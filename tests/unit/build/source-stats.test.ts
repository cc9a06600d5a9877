import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stampOf, statOnThread } from '../../../src/build/source-stats.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-source-stats-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('statOnThread', () => {
  it('gives each file the stamp a stat gives here, and none for a file gone or a path through a file', async () => {
    mkdirSync(path.join(root, 'news'));
    const files = ['news/a.md', 'news/b.md'].map((name) => path.join(root, name));
    writeFileSync(files[0] ?? '', '# 第一条');
    writeFileSync(files[1] ?? '', '# 第二条，更长一些');
    const gone = path.join(root, 'news/removed.md');
    const throughFile = path.join(root, 'news/a.md/inner.md');
    const stamps = await statOnThread([...files, gone, throughFile]);
    expect(stamps).toEqual(new Map([
      ...files.map((file) => [file, stampOf(statSync(file, { bigint: true }))] as const),
      [gone, undefined],
      [throughFile, undefined],
    ]));
  });

  it('leaves out a file it cannot stat for another reason, for the build to stat and report', async () => {
    const loop = path.join(root, 'loop.md');
    symlinkSync(loop, loop);
    const stamps = await statOnThread([loop]);
    expect(stamps.has(loop)).toBe(false);
    expect(() => statSync(loop)).toThrow(/ELOOP/);
  });
});
