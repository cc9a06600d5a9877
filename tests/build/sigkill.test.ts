import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FsWriter } from '../../src/write/fs-writer.js';
import { journalPath } from '../../src/write/journal.js';
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

/** Version 1 of the content with three articles retitled (`round` in the title): an in-place update of a few pages. */
function retitle(root: string, round: number): void {
  for (const i of [3, 70, 140]) {
    const file = path.join(root, `content/news/a-${i}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(`第${i}号通报（第1版）`, `第${i}号通报（第1版，更正${round}）`));
  }
}

const inPlaceKills = 12;

/** A seeded mix for in-place updates: a moment after the start, once a changed page is staged, or once the journal is written. */
function inPlaceKillPoint(random: () => number): KillPoint {
  const r = random();
  if (r < 0.4) return { afterMs: Math.floor(random() * 1200) };
  if (r < 0.7) return { stagedEntries: 1 + Math.floor(random() * 6) };
  return { journal: true };
}

/** When to kill: a moment after the start, once the staging folder holds some entries, or once the swap has begun. */
type KillPoint = { readonly afterMs: number } | { readonly stagedEntries: number } | { readonly swapped: true } | { readonly journal: true };

/** Entries (files and folders) under `dir`, or -1 when it does not exist. */
function entries(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true }).length;
  } catch {
    return -1;
  }
}

/**
 * Run the real CLI and SIGKILL it at `point` (it may finish first). Kill points are read from the
 * disk, not the clock, so a loaded machine moves them in time but not in the build's progress.
 */
function buildAndKill(root: string, point: KillPoint): Promise<'killed' | 'finished'> {
  const staging = path.join(root, '.dist.staging');
  const started = performance.now();
  let staged = false;
  const due = (): boolean => {
    if ('afterMs' in point) return performance.now() - started >= point.afterMs;
    if ('journal' in point) return existsSync(journalPath(path.join(root, 'dist')));
    const n = entries(staging);
    staged ||= n >= 0;
    return 'stagedEntries' in point ? n >= point.stagedEntries : staged && n < 0;
  };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/broadsheet.js'), 'build'], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1704859200' },
    });
    const timer = setInterval(() => due() && child.kill('SIGKILL'), 2);
    child.on('exit', (_code, signal) => {
      clearInterval(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

/** A seeded mix: a few kills while reading and parsing, most while pages are written, some in the swap. */
function killPoint(random: () => number, total: number): KillPoint {
  const r = random();
  if (r < 0.2) return { afterMs: Math.floor(random() * 400) };
  if (r < 0.8) return { stagedEntries: Math.floor(random() * total) };
  return { swapped: true };
}

const sites: TempSite[] = [];
afterAll(() => sites.forEach((s) => s.dispose()));

describe('a build killed with SIGKILL at any moment', () => {
  it(`leaves the old or the new dist/, never a mix (${kills} kills at seeded random points of its progress)`, async () => {
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
    expect(runCli(['build'], reference.root).status).toBe(0);
    const total = entries(path.join(reference.root, 'dist'));
    const newTree = treeDigest(path.join(reference.root, 'dist'));
    expect(newTree).not.toBe(oldTree);

    writeContent(site.root, 2);
    const random = seeded(20240105);
    const seen = { old: 0, new: 0, restoredAfterSwapKill: 0 };
    for (let k = 0; k < kills; k++) {
      // Each kill starts from the old output and nothing else: a staging folder left by the last
      // kill would be counted as progress of this build.
      for (const leftover of [dist, `${site.root}/.dist.staging`, `${site.root}/.dist.previous`]) rmSync(leftover, { recursive: true, force: true });
      cpSync(snapshot, dist, { recursive: true });
      await buildAndKill(site.root, killPoint(random, total));
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
    console.log(`SIGKILL test: ${((performance.now() - testStarted) / 1000).toFixed(1)} s; after ${kills} kills dist/ was old ${seen.old}, new ${seen.new} times (${seen.restoredAfterSwapKill} restored after a kill inside the swap)`);
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);

    expect(runCli(['build'], site.root).status).toBe(0);
    expect(treeDigest(dist)).toBe(newTree);
    expect(existsSync(path.join(site.root, '.dist.staging'))).toBe(false);
  }, 300_000);

  it(`leaves the old or the new dist/, or a journal that gives the new one, when few pages change (${inPlaceKills} kills of in-place updates)`, async () => {
    const site = makeSite({});
    sites.push(site);
    writeContent(site.root, 1);
    const dist = path.join(site.root, 'dist');
    expect(runCli(['build'], site.root).status).toBe(0);
    const oldTree = treeDigest(dist);
    retitle(site.root, 2);
    expect(runCli(['build'], site.root).status).toBe(0);
    const newTree = treeDigest(dist);
    expect(newTree).not.toBe(oldTree);
    const random = seeded(20240106);
    const seen = { old: 0, new: 0, rolledForward: 0 };
    for (let k = 0; k < inPlaceKills; k++) {
      // Back to the old output through a complete build, so its page manifest matches dist/ and the next build updates in place.
      writeContent(site.root, 1);
      expect(runCli(['build'], site.root).status).toBe(0);
      expect(treeDigest(dist)).toBe(oldTree);
      retitle(site.root, 2);
      await buildAndKill(site.root, inPlaceKillPoint(random));
      if (existsSync(journalPath(dist))) {
        await (await FsWriter.open(dist)).abort();
        expect(treeDigest(dist)).toBe(newTree);
        seen.rolledForward++;
        continue;
      }
      const tree = treeDigest(dist);
      expect([oldTree, newTree]).toContain(tree);
      seen[tree === oldTree ? 'old' : 'new']++;
    }
    console.log(`SIGKILL test, in place: after ${inPlaceKills} kills dist/ was old ${seen.old}, new ${seen.new} times, and ${seen.rolledForward} times a journal rolled forward to the new one`);
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new + seen.rolledForward).toBeGreaterThan(0);
  }, 300_000);

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
