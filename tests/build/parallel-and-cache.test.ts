import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { build, type BuildOptions } from '../../src/build/build.js';
import { ContentCache } from '../../src/build/content-cache.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import type { MemoryWriter } from '../../src/write/memory-writer.js';
import { article, buildInMemory, fixedNow, makeSite, page, siteConfig, type TempSite } from '../helpers/site.js';

const paragraph = '历下区坚持以人民为中心的发展思想，扎实推进高质量发展，全区经济运行稳中有进。';

function articles(count: number, broken: boolean): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    files[`content/news/a${String(i).padStart(3, '0')}.md`] = article(
      { title: `"第${i}次工作会议"`, date: `2023-11-${day} 09:${String(i % 60).padStart(2, '0')}`, column: 'news', tags: '[经济, 民生]' },
      `${paragraph.repeat(3)}\n\n## 会议要点\n\n- 第一项 ${i}\n- 详见[原文](https://example.com/${i})\n`,
    );
  }
  if (broken) files['content/news/broken.md'] = article({ title: '"缺日期"' }, paragraph);
  files['content/notices/legacy.txt'] = `关于调整办事时间的通知\n发布日期：2023-11-20\n\n${paragraph}\n`;
  return files;
}

/** The content cache's pack files. */
function packFiles(cacheDir: string): string[] {
  const dir = path.join(cacheDir, 'packs');
  return readdirSync(dir).filter((n) => n.endsWith('.pack')).map((n) => path.join(dir, n));
}

/** Where each record of a pack lies, read from the records' own headers (magic, then payload length; 64-byte header). */
function recordsIn(pack: string): { offset: number; length: number }[] {
  const bytes = readFileSync(pack);
  const records: { offset: number; length: number }[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    expect(bytes.toString('latin1', offset, offset + 4)).toBe('BSR2');
    const length = 64 + bytes.readUInt32BE(offset + 4);
    records.push({ offset, length });
    offset += length;
  }
  return records;
}

/** Flip one byte of the first record's payload in the cache's pack, the pack's size unchanged. */
function damageFirstRecord(cacheDir: string): void {
  const [pack] = packFiles(cacheDir);
  const file = pack ?? '';
  const bytes = readFileSync(file);
  const [first] = recordsIn(file);
  const at = (first?.offset ?? 0) + 100;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  writeFileSync(file, bytes);
}

/** The error a template that asked for a damaged record's body reports, on whichever thread it read it. */
const damagedRecordError = /^templates\/article\.njk:\d+:\d+: error: the cache entry of content\/news\/[a-z0-9]+\.(md|txt) is damaged \(.*\.pack at byte 0\); it will not be used again: build again \[template\/render\]$/;

function snapshot(writer: MemoryWriter): Map<string, string> {
  return new Map([...writer.pages.keys()].sort().map((p) => [p, writer.text(p)]));
}

const sites: TempSite[] = [];
const caches: string[] = [];
afterAll(() => {
  for (const site of sites) site.dispose();
  for (const dir of caches) rmSync(dir, { recursive: true, force: true });
});

function freshSite(broken = false): TempSite {
  const site = makeSite(articles(40, broken), siteConfig({ permalink: '/news/:slug/' }));
  sites.push(site);
  return site;
}

function freshCacheDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-cache-'));
  caches.push(dir);
  return dir;
}

describe('worker threads', () => {
  it('give byte-identical pages to the single-threaded build', async () => {
    const site = freshSite();
    const single = await buildInMemory(site.root, { workers: 0 });
    const parallel = await buildInMemory(site.root, { workers: 2 });
    expect(single.result.ok).toBe(true);
    expect(single.writer.pages.has('news/a040/index.html')).toBe(true);
    // The Traditional mirror is made on the worker threads in the parallel build.
    expect(page(parallel.writer, 'zh-hant/news/a040/index.html')('main').text()).toContain('歷下區堅持以人民爲中心');
    expect(snapshot(parallel.writer)).toEqual(snapshot(single.writer));
  });

  it('report the same diagnostics as the single-threaded build', async () => {
    const site = freshSite(true);
    const single = await buildInMemory(site.root, { workers: 0 });
    const parallel = await buildInMemory(site.root, { workers: 2 });
    const errors = parallel.result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toEqual(['content/news/broken.md:1:1: error: date is missing [front-matter/missing-date]\n  note: add a line "date: 2024-01-01" (or with a time: 2024-01-01 09:30)']);
    expect(parallel.result.diagnostics.map(formatDiagnostic)).toEqual(single.result.diagnostics.map(formatDiagnostic));
  });
  it('load OpenCC, pinyin-pro and cheerio on demand in each thread, with the same pages as one thread', async () => {
    const files = articles(40, false);
    files['content/news/pinyin.md'] = article({ title: '"注音"', date: '2023-11-02', column: 'news' }, '历下区召开会(huì)议，部署工作。\n');
    // Under zh-Hant the export's label 发布日期 reaches the legacy parser as OpenCC's 發佈日期.
    files['content/news/ucap.html'] = readFileSync(new URL('../fixtures/legacy/ucap-content.html', import.meta.url), 'utf8');
    const site = makeSite(files, siteConfig({ permalink: '/news/:slug/', script: 'zh-Hant' }));
    sites.push(site);
    const single = await buildInMemory(site.root, { workers: 0 });
    const parallel = await buildInMemory(site.root, { workers: 2 });
    expect(single.result.ok).toBe(true);
    expect(page(single.writer, 'news/a001/index.html')('main').text()).toContain('歷下區堅持以人民爲中心');
    expect(page(single.writer, 'news/pinyin/index.html')('main').text()).toContain('歷下區召開會議');
    expect(page(single.writer, 'news/legacy/index.html')('h1').text()).toBe('關於調整辦事時間的通知');
    expect(single.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parallel.result.stats.articles).toBe(43);
    expect(snapshot(parallel.writer)).toEqual(snapshot(single.writer));
    expect(parallel.result.diagnostics.map(formatDiagnostic)).toEqual(single.result.diagnostics.map(formatDiagnostic));
  });
});

/** Build into a fresh folder on disk (the FsWriter path, where article pages are rendered on the render threads). */
async function diskBuild(root: string, options: Partial<BuildOptions> = {}) {
  const outDir = freshCacheDir();
  const result = await build({ root, now: fixedNow, outDir, ...options });
  return { result, outDir, tree: tree(outDir) };
}

function tree(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map();
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => statSync(path.join(dir, n)).isFile());
  return new Map(names.sort().map((n) => [n.split(path.sep).join('/'), readFileSync(path.join(dir, n), 'utf8')]));
}

describe('render threads', () => {
  it('write byte-identical article pages and 简/繁 copies to the single-threaded build', async () => {
    const site = freshSite();
    const single = await buildInMemory(site.root, { workers: 0 });
    const parallel = await diskBuild(site.root, { workers: 2 });
    expect(parallel.result.ok).toBe(true);
    expect(parallel.tree.get('zh-hant/news/a040/index.html')).toContain('歷下區堅持以人民爲中心');
    expect(parallel.tree.get('news/a040/index.html')).toContain('历下区坚持以人民为中心');
    expect(parallel.result.stats.pages).toBe(single.writer.pages.size);
    expect(parallel.tree).toEqual(snapshot(single.writer));
  });

  it("read restored articles' bodies from the cache on the threads, as one thread does", async () => {
    const site = freshSite();
    const cacheDir = freshCacheDir();
    expect((await diskBuild(site.root, { cacheDir, workers: 2 })).result.ok).toBe(true);
    // A new template: every article page is rendered again, from articles restored from the cache.
    mkdirSync(path.join(site.root, 'templates'));
    writeFileSync(path.join(site.root, 'templates/article.njk'), '{% extends "base.njk" %}{% block main %}<h1>{{ article.title }}</h1>{{ article.html | safe }}<aside>{{ previous.html | safe if previous }}</aside><pre>{{ next.text if next }}</pre>{% endblock %}');
    const bodiesReadHere = vi.spyOn(ContentCache.prototype, 'bodyOf');
    const restored = await diskBuild(site.root, { cacheDir, workers: 2 });
    expect(restored.result.ok).toBe(true);
    expect(restored.result.stats.cached).toBe(41);
    // Here only the feeds (full text) and the search index read bodies, one HTML and one text an article at most; the
    // article pages read theirs, and their neighbours', on the threads (read here, that was 324 reads).
    expect(bodiesReadHere.mock.calls.length).toBeLessThanOrEqual(2 * 41);
    bodiesReadHere.mockRestore();
    const single = await buildInMemory(site.root, { workers: 0 });
    expect(restored.tree).toEqual(snapshot(single.writer));
    expect(restored.tree.get('news/a020/index.html')).toMatch(/<aside>.*历下区坚持以人民为中心.*<\/aside><pre>\S+/s);
  });

  it('report a restored record damaged in place, read on a render thread, as one thread does, and read every source again next time', async () => {
    const site = freshSite();
    const cacheDir = freshCacheDir();
    const cold = await diskBuild(site.root, { cacheDir, workers: 2 });
    damageFirstRecord(cacheDir);
    mkdirSync(path.join(site.root, 'templates'));
    writeFileSync(path.join(site.root, 'templates/article.njk'), '{% extends "base.njk" %}{% block main %}<h1>{{ article.title }}</h1>{{ article.html | safe }}{% endblock %}');
    const damaged = await diskBuild(site.root, { cacheDir, workers: 2 });
    expect(damaged.result.ok).toBe(false);
    expect(damaged.tree.size).toBe(0);
    expect(damaged.result.diagnostics.map((d) => formatDiagnostic(d)).filter((d) => d.includes('[template/render]'))).toEqual([
      expect.stringMatching(damagedRecordError),
    ]);
    expect(existsSync(path.join(cacheDir, 'sources.bin'))).toBe(false);
    const again = await diskBuild(site.root, { cacheDir, workers: 2 });
    expect(again.result.ok).toBe(true);
    expect(again.result.stats.cached).toBe(40);
    expect(again.tree.get('news/a001/index.html')).toBeDefined();
    expect(cold.result.ok).toBe(true);
  });

  it("give a template the neighbours' bodies and every article field, as one thread does", async () => {
    const site = freshSite();
    mkdirSync(path.join(site.root, 'templates'));
    const template = '{% extends "base.njk" %}{% block main %}<p class="keys">{% for key, value in article %}{{ key }} {% endfor %}</p>'
      + '<div class="prev">{{ previous.html | safe }}</div><div class="next">{{ next.html | safe }}</div>{% endblock %}';
    writeFileSync(path.join(site.root, 'templates/article.njk'), template);
    const single = await buildInMemory(site.root, { workers: 0 });
    const parallel = await diskBuild(site.root, { workers: 2, cacheDir: freshCacheDir() });
    const middle = parallel.tree.get('news/a010/index.html') ?? '';
    expect(middle).toMatch(/<div class="prev"><p>历下区[^<]*<\/p>/);
    expect(middle).toMatch(/<p class="keys">sourcePath .*\bhtml\b/);
    expect(parallel.tree).toEqual(snapshot(single.writer));
  });

  it('report the first template error of the article pages, as one thread does, and write nothing', async () => {
    const site = freshSite();
    mkdirSync(path.join(site.root, 'templates'));
    writeFileSync(path.join(site.root, 'templates/article.njk'), '{% extends "base.njk" %}{% block main %}{{ article.title | ymd }}{% endblock %}');
    const single = await buildInMemory(site.root, { workers: 0 });
    const parallel = await diskBuild(site.root, { workers: 2 });
    const errors = parallel.result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    // The newest article's page is the first one rendered.
    expect(errors).toEqual([expect.stringMatching(/^templates\/article\.njk:\d+:\d+: error: the ymd filter needs a date \(such as article\.date\), got "第27次工作会议" \[template\/render\]$/)]);
    expect(parallel.result.diagnostics.map(formatDiagnostic)).toEqual(single.result.diagnostics.map(formatDiagnostic));
    expect(parallel.result.ok).toBe(false);
    expect(parallel.tree.size).toBe(0);
  });

  it('report a public file over an article page as the same collision as one thread', async () => {
    const site = freshSite();
    mkdirSync(path.join(site.root, 'public/news/a003'), { recursive: true });
    writeFileSync(path.join(site.root, 'public/news/a003/index.html'), '<p>旧页面</p>');
    const single = await buildInMemory(site.root, { workers: 0 });
    const parallel = await diskBuild(site.root, { workers: 2 });
    const errors = parallel.result.diagnostics.filter((d) => d.code === 'output/collision').map(formatDiagnostic);
    expect(errors).toEqual([expect.stringContaining('news/a003/index.html would be written twice: by content/news/a003.md and by public/news/a003/index.html')]);
    expect(parallel.result.diagnostics.map(formatDiagnostic)).toEqual(single.result.diagnostics.map(formatDiagnostic));
  });
});

describe('content cache', () => {
  it('serves a warm build byte-identical to the cold one, every source from the cache', async () => {
    const site = freshSite();
    const cacheDir = freshCacheDir();
    const cold = await buildInMemory(site.root, { cacheDir, workers: 2 });
    const warm = await buildInMemory(site.root, { cacheDir, workers: 0 });
    expect(cold.result.stats.cached).toBe(0);
    expect(warm.result.stats.cached).toBe(41);
    expect(snapshot(warm.writer)).toEqual(snapshot(cold.writer));
    expect(warm.result.diagnostics.map(formatDiagnostic)).toEqual(cold.result.diagnostics.map(formatDiagnostic));
  });

  it('processes a changed article again, and only that one', async () => {
    const site = freshSite();
    const cacheDir = freshCacheDir();
    await buildInMemory(site.root, { cacheDir });
    const file = path.join(site.root, 'content/news/a007.md');
    writeFileSync(file, article({ title: '"更正：第7次工作会议"', date: '2023-11-08 09:07', column: 'news' }, '更正后的正文。'));
    const { result, writer } = await buildInMemory(site.root, { cacheDir });
    expect(result.stats.cached).toBe(40);
    expect(page(writer, 'news/a007/index.html')('h1').text()).toBe('更正：第7次工作会议');
    expect(page(writer, 'news/a007/index.html')('article').text()).toContain('更正后的正文。');
  });

  it('keeps every article cached when only a template changes, and renders with the new template', async () => {
    const site = freshSite();
    const cacheDir = freshCacheDir();
    const before = await buildInMemory(site.root, { cacheDir });
    expect(page(before.writer, 'news/a001/index.html')('p.cache-test').length).toBe(0);
    mkdirSync(path.join(site.root, 'templates'));
    writeFileSync(path.join(site.root, 'templates/article.njk'), '{% extends "base.njk" %}{% block main %}<h1>{{ article.title }}</h1><p class="cache-test">新模板</p>{{ article.html | safe }}{% endblock %}');
    const { result, writer } = await buildInMemory(site.root, { cacheDir });
    expect(result.stats.cached).toBe(41);
    expect(page(writer, 'news/a001/index.html')('p.cache-test').text()).toBe('新模板');
  });

  it('processes everything again when the config changes', async () => {
    const site = freshSite();
    const cacheDir = freshCacheDir();
    await buildInMemory(site.root, { cacheDir });
    writeFileSync(path.join(site.root, 'site.config.json'), JSON.stringify(siteConfig({ permalink: '/articles/:slug/' })));
    const { result, writer } = await buildInMemory(site.root, { cacheDir });
    expect(result.stats.cached).toBe(0);
    expect(writer.pages.has('articles/a001/index.html')).toBe(true);
    expect(writer.pages.has('news/a001/index.html')).toBe(false);
  });

  it('treats the records a cut-short pack lost as misses, and rebuilds exactly those', async () => {
    const site = freshSite();
    const cacheDir = freshCacheDir();
    const cold = await buildInMemory(site.root, { cacheDir });
    const [pack] = packFiles(cacheDir);
    const records = recordsIn(pack ?? '');
    expect(records).toHaveLength(41);
    const cut = Math.floor(statSync(pack ?? '').size / 2);
    truncateSync(pack ?? '', cut);
    const { result, writer } = await buildInMemory(site.root, { cacheDir });
    expect(result.stats.cached).toBe(records.filter((r) => r.offset + r.length <= cut).length);
    expect(result.stats.cached).toBeGreaterThan(0);
    expect(snapshot(writer)).toEqual(snapshot(cold.writer));
  });

  it('refuses a record damaged in place (its checksum fails), and builds again from the source next time', async () => {
    const site = freshSite();
    const cacheDir = freshCacheDir();
    const cold = await buildInMemory(site.root, { cacheDir });
    damageFirstRecord(cacheDir);
    // The template that asked for the body reports it; the build fails and writes nothing.
    const damaged = await buildInMemory(site.root, { cacheDir });
    expect(damaged.result.ok).toBe(false);
    expect(damaged.result.diagnostics.map((d) => formatDiagnostic(d)).filter((d) => d.includes('[template/render]'))).toEqual([
      expect.stringMatching(damagedRecordError),
    ]);
    const { result, writer } = await buildInMemory(site.root, { cacheDir });
    expect(result.stats.cached).toBe(40);
    expect(snapshot(writer)).toEqual(snapshot(cold.writer));
  });

  it('reads every source again when a pack is deleted under the manifest', async () => {
    const site = freshSite();
    const cacheDir = freshCacheDir();
    const cold = await buildInMemory(site.root, { cacheDir });
    for (const pack of packFiles(cacheDir)) rmSync(pack);
    const { result, writer } = await buildInMemory(site.root, { cacheDir });
    expect(result.stats.cached).toBe(0);
    expect(snapshot(writer)).toEqual(snapshot(cold.writer));
    const again = await buildInMemory(site.root, { cacheDir });
    expect(again.result.stats.cached).toBe(41);
  });

  it('reads every source again when the source manifest is damaged, still serving the entries', async () => {
    const site = freshSite();
    const cacheDir = freshCacheDir();
    const cold = await buildInMemory(site.root, { cacheDir });
    writeFileSync(path.join(cacheDir, 'sources.bin'), 'not a manifest');
    const { result, writer } = await buildInMemory(site.root, { cacheDir });
    expect(result.stats.cached).toBe(41);
    expect(snapshot(writer)).toEqual(snapshot(cold.writer));
    expect(readFileSync(path.join(cacheDir, 'sources.bin'), 'latin1')).not.toBe('not a manifest');
  });
});
