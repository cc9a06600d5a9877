import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// fs/promises with each call counted, to see how many are in flight at once.
const calls = vi.hoisted(() => ({ inFlight: 0, most: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const counted =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      calls.most = Math.max(calls.most, ++calls.inFlight);
      try {
        return await call(...args);
      } finally {
        calls.inFlight--;
      }
    };
  return { ...real, readdir: counted(real.readdir), unlink: counted(real.unlink), rmdir: counted(real.rmdir) };
});

const { removeTree } = await import('../../../src/write/remove-tree.js');

describe('removeTree', () => {
  it('removes a folder of article folders with a bounded number of calls in flight', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'remove-tree-'));
    const dist = path.join(root, 'dist');
    for (let i = 0; i < 2_000; i++) {
      const folder = path.join(dist, 'articles', `a${i}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'index.html'), '<p>正文</p>');
    }
    writeFileSync(path.join(dist, 'index.html'), 'home');
    mkdirSync(path.join(dist, 'empty'));
    symlinkSync(path.join(dist, 'articles'), path.join(dist, 'link'));
    calls.most = 0;
    await removeTree(dist);
    expect(existsSync(dist)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
    // fs.rm starts a call for each of the 2,000 folders at once.
    expect(calls.most).toBeGreaterThan(1);
    expect(calls.most).toBeLessThanOrEqual(8 * 8 * 2);
  });

  it('does nothing for a path that is not there, and removes a single file', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'remove-tree-'));
    await expect(removeTree(path.join(root, 'missing'))).resolves.toBeUndefined();
    writeFileSync(path.join(root, 'file.txt'), 'x');
    await removeTree(path.join(root, 'file.txt'));
    expect(readdirSync(root)).toEqual([]);
  });
});
