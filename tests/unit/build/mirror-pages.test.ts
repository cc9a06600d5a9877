import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mirrorPages, type MirroredPage } from '../../../src/build/mirror-pages.js';
import type { Page } from '../../../src/render/page.js';
import type { MirrorSettings } from '../../../src/render/mirror.js';
import { startedWorkers } from '../../helpers/counted-workers.js';

// The mirror threads started, by their script: counted around the real Worker (tests/helpers/counted-workers.ts).
vi.mock('node:worker_threads', async (importOriginal) => (await import('../../helpers/counted-workers.js')).countedWorkerThreads(importOriginal));

beforeEach(() => void startedWorkers.splice(0));

const settings: MirrorSettings = { script: 'zh-Hant', prefix: '/zh-hant/', language: 'zh-CN', baseUrl: 'https://news.example.gov.cn' };

function htmlPage(i: number): Page {
  const url = `/news/a${i}/`;
  const contents = `<!doctype html><html lang="zh-CN"><body><main><h1>第${i}条 国务院发布</h1><a href="/news/a${i + 1}/">下一条</a></main></body></html>`;
  return { url, outputPath: `news/a${i}/index.html`, contents, contentType: 'text/html; charset=utf-8', origin: `content/a${i}.md` };
}

const pages: Page[] = [
  ...Array.from({ length: 70 }, (_, i) => htmlPage(i)),
  { url: '/assets/site.css', outputPath: 'assets/site.css', contents: new TextEncoder().encode('body{}'), contentType: 'text/css; charset=utf-8', origin: 'templates/assets/site.css' },
];

async function collect(source: AsyncGenerator<MirroredPage>): Promise<MirroredPage[]> {
  const all: MirroredPage[] = [];
  for await (const item of source) all.push(item);
  return all;
}

describe('mirrorPages', () => {
  it('gives every page and its copy in order, the same on worker threads as in this thread', async () => {
    const inline = await collect(mirrorPages(pages, settings, 0));
    const threaded = await collect(mirrorPages(pages, settings, 2));
    expect(inline.map((p) => p.page.outputPath)).toEqual(pages.map((p) => p.outputPath));
    expect(inline[3]?.mirrored?.outputPath).toBe('zh-hant/news/a3/index.html');
    expect(inline[3]?.mirrored?.contents).toContain('第3條 國務院發佈');
    expect(inline[70]?.mirrored).toBeUndefined();
    expect(threaded).toEqual(inline);
    expect(startedWorkers).toEqual(['mirror-worker.js', 'mirror-worker.js']);
  });

  it.each([0, 1, 20, 32])('makes the copies of %i pages in this thread, starting no thread (a warm build renders a few listings)', async (count) => {
    const few = pages.slice(0, count);
    const mirrored = await collect(mirrorPages(few, settings, 2));
    expect(startedWorkers).toEqual([]);
    expect(mirrored).toEqual(await collect(mirrorPages(few, settings, 0)));
    if (count > 0) expect(mirrored[0]?.mirrored?.contents).toContain('第0條 國務院發佈');
  });

  it('starts the threads once a 33rd page comes, and keeps the order', async () => {
    const mirrored = await collect(mirrorPages(pages.slice(0, 33), settings, 2));
    expect(startedWorkers).toEqual(['mirror-worker.js', 'mirror-worker.js']);
    expect(mirrored.map((m) => m.mirrored?.outputPath)).toEqual(pages.slice(0, 33).map((p) => `zh-hant/${p.outputPath}`));
  });

  it('passes pages through untouched without a mirror', async () => {
    const plain = await collect(mirrorPages(pages.slice(0, 5), undefined, 2));
    expect(plain).toEqual(pages.slice(0, 5).map((page) => ({ page })));
    expect(startedWorkers).toEqual([]);
  });
});
