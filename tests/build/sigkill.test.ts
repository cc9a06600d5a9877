import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FsWriter } from '../../src/write/fs-writer.js';
import { article, makeSite, type TempSite } from '../helpers/site.js';
import { projectRoot, runCli, treeDigest } from '../helpers/tree.js';

const articleCount = 150;
const kills = 20;

/** A small deterministic PRNG (mulberry32), so the kill points are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Version 1 or 2 of the content: v2 retitles every article, drops some and adds others. */
function writeContent(root: string, version: 1 | 2): void {
  rmSync(path.join(root, 'content'), { recursive: true, force: true });
  mkdirSync(path.join(root, 'content/news'), { recursive: true });
  const from = version === 1 ? 0 : 50;
  for (let i = from; i < from + articleCount; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const fields = { title: `第${i}号通报（第${version}版）`, date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${day}`, column: 'news', tags: `[标签${i % 17}]` };
    writeFileSync(path.join(root, `content/news/a-${i}.md`), article(fields, `第${i}篇正文，第${version}版。\n\n${'社区服务持续改进。'.repeat(40)}`));
  }
}

/** Run the real CLI and kill it with SIGKILL after `delayMs` (it may finish first). */
function buildAndKill(root: string, delayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/broadsheet.js'), 'build'], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1704859200' },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

const sites: TempSite[] = [];
afterAll(() => sites.forEach((s) => s.dispose()));

describe('a build killed with SIGKILL at any moment', () => {
  it(`leaves the old or the new dist/, never a mix (${kills} kills at seeded random points)`, async () => {
    const site = makeSite({});
    const reference = makeSite({});
    sites.push(site, reference);
    writeContent(site.root, 1);
    expect(runCli(['build'], site.root).status).toBe(0);
    const dist = path.join(site.root, 'dist');
    const snapshot = path.join(site.root, 'old-dist');
    cpSync(dist, snapshot, { recursive: true });
    const oldTree = treeDigest(dist);

    writeContent(reference.root, 2);
    const testStarted = performance.now();
    const started = performance.now();
    expect(runCli(['build'], reference.root).status).toBe(0);
    const buildMs = performance.now() - started;
    const newTree = treeDigest(path.join(reference.root, 'dist'));
    expect(newTree).not.toBe(oldTree);

    writeContent(site.root, 2);
    const random = seeded(20240105);
    const seen = { old: 0, new: 0, restoredAfterSwapKill: 0 };
    for (let k = 0; k < kills; k++) {
      rmSync(dist, { recursive: true, force: true });
      cpSync(snapshot, dist, { recursive: true });
      await buildAndKill(site.root, random() * buildMs * 1.15);
      if (!existsSync(dist)) {
        // Killed between the two renames of the swap: the old output waits beside it, and the
        // next build's writer puts it back before anything else.
        expect(treeDigest(path.join(site.root, '.dist.previous'))).toBe(oldTree);
        await (await FsWriter.open(dist)).abort();
        seen.restoredAfterSwapKill++;
      }
      const tree = treeDigest(dist);
      expect([oldTree, newTree]).toContain(tree);
      seen[tree === oldTree ? 'old' : 'new']++;
    }
    console.log(`SIGKILL test: ${((performance.now() - testStarted) / 1000).toFixed(1)} s; one build ${buildMs.toFixed(0)} ms; after ${kills} kills dist/ was old ${seen.old}, new ${seen.new} times (${seen.restoredAfterSwapKill} restored after a kill inside the swap)`);
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);

    expect(runCli(['build'], site.root).status).toBe(0);
    expect(treeDigest(dist)).toBe(newTree);
    expect(existsSync(path.join(site.root, '.dist.staging'))).toBe(false);
  }, 120_000);

  it('killed between the two renames of the swap: the next build restores the old output first', async () => {
    const site = makeSite({});
    sites.push(site);
    const dist = path.join(site.root, 'dist');
    mkdirSync(path.join(dist, '2023/01/a'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '旧首页');
    writeFileSync(path.join(dist, '2023/01/a/index.html'), '旧文章');
    const oldTree = treeDigest(dist);
    // Exactly what FsWriter.commit leaves when killed after its first rename: no dist/, the old
    // output as .dist.previous and a complete staging folder.
    cpSync(dist, path.join(site.root, '.dist.staging'), { recursive: true });
    writeFileSync(path.join(site.root, '.dist.staging/index.html'), '新首页');
    cpSync(dist, path.join(site.root, '.dist.previous'), { recursive: true });
    rmSync(dist, { recursive: true });

    await (await FsWriter.open(dist)).abort();
    expect(treeDigest(dist)).toBe(oldTree);
    expect(existsSync(path.join(site.root, '.dist.previous'))).toBe(false);
    expect(existsSync(path.join(site.root, '.dist.staging'))).toBe(false);
  });
});
