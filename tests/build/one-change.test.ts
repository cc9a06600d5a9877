import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { build, type BuildOptions } from '../../src/build/build.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { article, coldTree, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';
import { startedWorkers } from '../helpers/counted-workers.js';
import { filesUnder, fileTree, fileInodes } from '../helpers/tree.js';

// A build after one article changed renders that article's page and its neighbours' on the main
// thread, with the renderer it already has, and processes the changed source there too: no
// thread is started for three pages. Each scenario counts the worker threads a build starts (by
// the script each runs) and compares dist/ with a cold single-threaded build byte for byte.

vi.mock('node:worker_threads', async (importOriginal) => (await import('../helpers/counted-workers.js')).countedWorkerThreads(importOriginal));

const paragraph = '历下区坚持以人民为中心的发展思想，扎实推进高质量发展，全区经济运行稳中有进。';

function source(i: number, extra = ''): string {
  const date = `2023-11-${String((i % 28) + 1).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')}`;
  return article({ title: `"第${i}次工作会议"`, date, column: 'news', tags: i % 2 ? '[经济]' : '[民生]' }, `${paragraph.repeat(2)}${extra}\n\n## 会议要点\n\n- 第一项 ${i}\n`);
}

const name = (i: number): string => `content/news/a${String(i).padStart(3, '0')}.md`;

const sites: TempSite[] = [];
afterAll(() => sites.forEach((site) => site.dispose()));
beforeEach(() => void startedWorkers.splice(0));

function freshSite(mirror: boolean): TempSite {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 40; i++) files[name(i)] = source(i);
  const site = makeSite(files, siteConfig({ permalink: '/news/:slug/', search: false, ...(mirror ? {} : { mirror: false }) }));
  sites.push(site);
  return site;
}

async function diskBuild(site: TempSite): Promise<string> {
  const options: BuildOptions = { root: site.root, now: fixedNow, cacheDir: path.join(site.root, '.cache'), workers: 2 };
  const result = await build(options);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.ok).toBe(true);
  return path.join(site.root, 'dist');
}

/** The article pages whose file in `dir` is not the one `before` saw (inode numbers). */
function replacedArticlePages(before: Map<string, bigint>, dir: string): string[] {
  return filesUnder(dir).filter((n) => /news\/a\d+\/index\.html$/.test(n) && statSync(path.join(dir, n), { bigint: true }).ino !== before.get(n));
}

const added = '新增段落：会议还研究了其他事项。';

describe('a build after one article changed', () => {
  it.each([
    ['with the Traditional mirror', true, [['news/a020/index.html', added], ['zh-hant/news/a020/index.html', '新增段落：會議還研究了其他事項。']]],
    ['without a mirror', false, [['news/a020/index.html', added]]],
  ])('%s: starts no thread, replaces only the changed page, and gives the tree of a cold build', async (_, mirror, shown) => {
    const site = freshSite(mirror);
    const dist = await diskBuild(site);
    // 40 articles are more than the main thread renders: the cold build spreads them over render threads.
    expect(startedWorkers).toContain('article-render-worker.js');
    startedWorkers.splice(0);
    const before = fileInodes(dist);
    writeFileSync(path.join(site.root, name(20)), source(20, added));
    await diskBuild(site);
    expect(startedWorkers).toEqual([]);
    // Its neighbours' pages are rendered again (they link to it) to the same bytes: their files stay.
    expect(replacedArticlePages(before, dist)).toEqual(shown.map(([page]) => page));
    const after = fileTree(dist);
    expect(after).toEqual(await coldTree(site));
    for (const [page, text] of shown) expect(Buffer.from(after.get(page ?? '') ?? '', 'latin1').toString('utf8')).toContain(text);
  });

  it('reports a template error met on the main thread as a cold build reports it, and leaves dist/ as it was', async () => {
    const site = freshSite(false);
    // Strict: printing an undefined value fails, here only for an article whose title holds 更正.
    mkdirSync(path.join(site.root, 'templates'));
    writeFileSync(path.join(site.root, 'templates/article.njk'), '{% extends "base.njk" %}{% block main %}<h1>{{ article.title }}</h1>{% if "更正" in article.title %}{{ article.missing }}{% endif %}{% endblock %}');
    const options: BuildOptions = { root: site.root, now: fixedNow, cacheDir: path.join(site.root, '.cache'), workers: 2, strict: true };
    expect((await build(options)).ok).toBe(true);
    const before = fileTree(path.join(site.root, 'dist'));
    writeFileSync(path.join(site.root, name(20)), source(20).replace('第20次工作会议', '更正：第20次工作会议'));
    startedWorkers.splice(0);
    const warm = await build(options);
    expect(startedWorkers).toEqual([]);
    const cold = await build({ root: site.root, now: fixedNow, outDir: 'elsewhere', workers: 0, strict: true });
    expect(warm.ok).toBe(false);
    expect(warm.diagnostics.map(formatDiagnostic)).toEqual(cold.diagnostics.map(formatDiagnostic));
    expect(warm.diagnostics.map(formatDiagnostic)).toEqual([
      'templates/article.njk:1:99: error: the template outputs a value that is not set (strict mode) [template/undefined]\n' +
        '  note: guard the value with {% if ... %}, or give it a default: {{ value | default("") }}',
    ]);
    expect(fileTree(path.join(site.root, 'dist'))).toEqual(before);
  });
});
