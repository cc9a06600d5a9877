import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { article, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';
import { projectRoot, runCli, treeDigest } from '../helpers/tree.js';

const sites: TempSite[] = [];
afterAll(() => sites.forEach((s) => s.dispose()));

/** 150 articles, each title and body naming `version`: a new version changes every cache key. */
function writeContent(root: string, version: number, only?: (i: number) => boolean): void {
  mkdirSync(path.join(root, 'content/news'), { recursive: true });
  for (let i = 0; i < 150; i++) {
    if (only && !only(i)) continue;
    const fields = { title: `第${i}号通报（第${version}版）`, date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, column: 'news' };
    writeFileSync(path.join(root, `content/news/a-${i}.md`), article(fields, `第${i}篇正文，第${version}版。\n\n${'社区服务持续改进。'.repeat(40)}`));
  }
}

function packsDir(root: string): string {
  return path.join(root, '.cache/broadsheet/packs');
}

function packNames(root: string, ext: 'pack' | 'idx'): string[] {
  const dir = packsDir(root);
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(`.${ext}`)).map((n) => n.slice(0, -ext.length - 1)).sort() : [];
}

/** Records in a pack, counted from their own headers (64 bytes, the payload length at byte 4). */
function recordCount(pack: string): number {
  const bytes = readFileSync(pack);
  let count = 0;
  for (let offset = 0; offset < bytes.length; count++) offset += 64 + bytes.readUInt32BE(offset + 4);
  return count;
}

function newSite(): TempSite {
  const site = makeSite({}, siteConfig({ permalink: '/news/:slug/' }));
  sites.push(site);
  return site;
}

describe('pack garbage collection', () => {
  it('keeps exactly the live records once most are dead, and a warm build after it gives the same dist/', async () => {
    const site = newSite();
    writeContent(site.root, 1);
    const cacheDir = path.join(site.root, '.cache/broadsheet');
    const options = { root: site.root, now: fixedNow, cacheDir, workers: 2 };
    expect((await build(options)).ok).toBe(true);
    const [first] = packNames(site.root, 'pack');
    // Two thirds of the articles change: the first pack is a third live, so its live records are copied and it goes.
    writeContent(site.root, 2, (i) => i % 3 !== 0);
    const collected = await build(options);
    expect(collected.stats.cached).toBe(50);
    const packs = packNames(site.root, 'pack');
    expect(packs).toHaveLength(1);
    expect(packs).not.toContain(first);
    expect(packNames(site.root, 'idx')).toEqual(packs);
    expect(recordCount(path.join(packsDir(site.root), `${packs[0]}.pack`))).toBe(150);
    const afterGc = treeDigest(path.join(site.root, 'dist'));
    const warm = await build(options);
    expect(warm.stats.cached).toBe(150);
    expect(treeDigest(path.join(site.root, 'dist'))).toBe(afterGc);
    expect((await build({ root: site.root, now: fixedNow, outDir: 'fresh', workers: 0 })).ok).toBe(true);
    expect(treeDigest(path.join(site.root, 'fresh'))).toBe(afterGc);
  }, 120_000);
});

/** When to kill: once this build's pack exists (records being appended), once the manifest's temporary file exists, or after a moment. */
type KillPoint = { readonly packMade: true } | { readonly manifestTemporary: true } | { readonly afterMs: number };

const killPoints: readonly KillPoint[] = [{ packMade: true }, { manifestTemporary: true }, { afterMs: 300 }, { packMade: true }];

function buildAndKill(root: string, point: KillPoint, before: readonly string[]): Promise<'killed' | 'finished'> {
  const started = performance.now();
  const due = (): boolean => {
    if ('afterMs' in point) return performance.now() - started >= point.afterMs;
    if ('packMade' in point) return packNames(root, 'pack').some((p) => !before.includes(p));
    return existsSync(path.join(root, '.cache/broadsheet')) && readdirSync(path.join(root, '.cache/broadsheet')).some((n) => n.startsWith('sources.bin.'));
  };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/broadsheet.js'), 'build'], { cwd: root, stdio: 'ignore', env: { ...process.env, SOURCE_DATE_EPOCH: '1704859200' } });
    const timer = setInterval(() => due() && child.kill('SIGKILL'), 1);
    child.on('exit', (_code, signal) => {
      clearInterval(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

describe('a build killed with SIGKILL while it writes the content cache', () => {
  it(`leaves a cache the next build reads correctly: never a stale or torn entry (${killPoints.length} kills)`, async () => {
    const site = newSite();
    writeContent(site.root, 0);
    expect(runCli(['build'], site.root).status).toBe(0);
    let tornPacks = 0;
    for (const [round, point] of killPoints.entries()) {
      // Every round retitles every article: a stale entry would show an older title.
      writeContent(site.root, round + 1);
      const sealed = packNames(site.root, 'idx');
      await buildAndKill(site.root, point, packNames(site.root, 'pack'));
      if (packNames(site.root, 'pack').some((p) => !packNames(site.root, 'idx').includes(p))) tornPacks++;
      const next = runCli(['build'], site.root);
      expect(next.status).toBe(0);
      rmSync(path.join(site.root, 'reference'), { recursive: true, force: true });
      expect(runCli(['build', '--no-cache', '--out', 'reference'], site.root).status).toBe(0);
      expect(treeDigest(path.join(site.root, 'dist'))).toBe(treeDigest(path.join(site.root, 'reference')));
      expect(readFileSync(path.join(site.root, 'dist/news/a-7/index.html'), 'utf8')).toContain(`第7号通报（第${round + 1}版）`);
      // The completed build deleted the killed build's pack, and every pack left is sealed.
      expect(packNames(site.root, 'pack')).toEqual(packNames(site.root, 'idx'));
      expect(sealed.length).toBeGreaterThan(0);
    }
    const warm = runCli(['build'], site.root);
    expect(warm.stderr).toContain('Reused 150 of 150 sources from .cache/broadsheet');
    console.log(`cache SIGKILL test: ${tornPacks} of ${killPoints.length} kills left a pack without its index`);
    expect(tornPacks).toBeGreaterThan(0);
  }, 300_000);
});
