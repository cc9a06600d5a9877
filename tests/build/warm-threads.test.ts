import { readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { build, type BuildOptions, type BuildResult } from '../../src/build/build.js';
import { article, coldTree, editSite, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';
import { startedWorkers } from '../helpers/counted-workers.js';
import { fileTree } from '../helpers/tree.js';

// On a large site a build with a cache stats its sources, and reads the page manifest and stats
// every file it lists, on two threads of their own while the main thread loads the source manifest.
// Here every site counts as large: each warm build must still see every change, in content/ and in
// dist/, and give the tree of a cold build byte for byte.

vi.mock('node:worker_threads', async (importOriginal) => (await import('../helpers/counted-workers.js')).countedWorkerThreads(importOriginal));
vi.mock('../../src/build/worker-limits.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/build/worker-limits.js')>()),
  manifestBytesForThread: 0,
  sourcesForThread: 0,
}));

const paragraph = '槐荫区扎实推进老旧小区改造，今年已完成改造小区三十二个，惠及居民一万余户。';

function source(i: number, extra = ''): string {
  return article({ title: `"第${i}批改造项目"`, date: `2023-10-${String((i % 28) + 1).padStart(2, '0')} 10:00`, column: 'news' }, `${paragraph}${extra}\n`);
}

const name = (i: number): string => `content/news/b${String(i).padStart(2, '0')}.md`;

const sites: TempSite[] = [];
afterAll(() => sites.forEach((site) => site.dispose()));
beforeEach(() => void startedWorkers.splice(0));

async function builtSite(): Promise<TempSite> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 12; i++) files[name(i)] = source(i);
  const site = makeSite(files, siteConfig({ permalink: '/news/:slug/', search: false, mirror: false }));
  sites.push(site);
  await warmBuild(site);
  return site;
}

async function warmBuild(site: TempSite): Promise<BuildResult> {
  const options: BuildOptions = { root: site.root, now: fixedNow, cacheDir: path.join(site.root, '.cache'), workers: 0 };
  const result = await build(options);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result;
}

const dist = (site: TempSite, file = ''): string => path.join(site.root, 'dist', file);

/** Date every source an hour back, as saved well before the build (a file modified in the tick a build begins reading in is never sealed). */
function ageSources(site: TempSite): void {
  const folder = path.join(site.root, 'content/news');
  const hourAgo = Date.now() / 1000 - 3600;
  for (const file of readdirSync(folder)) utimesSync(path.join(folder, file), hourAgo, hourAgo);
}

describe('a warm build that stats on threads of its own', () => {
  it('takes the unchanged sources from the cache and reads the edited one again', async () => {
    const site = await builtSite();
    startedWorkers.splice(0);
    editSite(site, name(5), source(5, '更正：改造小区为三十三个。'));
    const result = await warmBuild(site);
    expect(startedWorkers).toEqual(expect.arrayContaining(['page-manifest-thread.js', 'source-stats-thread.js']));
    expect(result.stats.cached).toBe(11);
    expect(fileTree(dist(site))).toEqual(await coldTree(site));
    expect(fileTree(dist(site)).get('news/b05/index.html')).toContain(Buffer.from('更正：改造小区为三十三个。').toString('latin1'));
  });

  it('writes again an output page removed or edited since the last build', async () => {
    const site = await builtSite();
    rmSync(dist(site, 'news/b03/index.html'));
    writeFileSync(dist(site, 'news/b07/index.html'), '<p>edited in dist/</p>');
    const result = await warmBuild(site);
    expect(result.stats.upToDate).toBeUndefined();
    expect(fileTree(dist(site))).toEqual(await coldTree(site));
  });

  it('drops the page of a removed source, and knows the same output again', async () => {
    const site = await builtSite();
    editSite(site, name(9), undefined);
    await warmBuild(site);
    expect(fileTree(dist(site)).has('news/b09/index.html')).toBe(false);
    expect(fileTree(dist(site))).toEqual(await coldTree(site));
    const again = await warmBuild(site);
    expect(again.stats.upToDate).toBe(true);
    expect(again.stats.cached).toBe(11);
  });

  it('answers a build with nothing to do from the kept analysis, its seal checked on the stats thread', async () => {
    const site = await builtSite();
    ageSources(site);
    // The first build after the sources settled keeps their analysis; the next answers from it.
    expect((await warmBuild(site)).model).toBeDefined();
    startedWorkers.splice(0);
    const kept = await warmBuild(site);
    expect(startedWorkers).toContain('source-stats-thread.js');
    expect(kept.stats.upToDate).toBe(true);
    expect(kept.model).toBeUndefined();
    expect(kept.stats.articles).toBe(12);
  });

  it('analyses the site again when the seal holds but a template changed, and renders the change', async () => {
    const site = await builtSite();
    ageSources(site);
    await warmBuild(site);
    editSite(site, 'templates/partials/header.njk', '<p class="notice">网站维护通知</p>');
    const result = await warmBuild(site);
    expect(result.model).toBeDefined();
    expect(result.stats.upToDate).toBeUndefined();
    expect(result.stats.cached).toBe(12);
    expect(fileTree(dist(site))).toEqual(await coldTree(site));
    expect(fileTree(dist(site)).get('index.html')).toContain(Buffer.from('网站维护通知').toString('latin1'));
  });
});
