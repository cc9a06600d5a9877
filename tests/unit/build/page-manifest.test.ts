import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dirStamp, fileStamp, leftAsRecorded, loadManifest, manifestPath, type PageManifest } from '../../../src/build/page-manifest.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-page-manifest-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An output folder with an article page and a feed, and the manifest a build would have left beside it. */
async function site(name: string): Promise<{ cacheDir: string; outDir: string; page: string; feed: string }> {
  const outDir = path.join(root, name, 'dist');
  const cacheDir = path.join(root, name, '.cache');
  const page = path.join(outDir, 'news', 'a001', 'index.html');
  const feed = path.join(outDir, 'feed.xml');
  mkdirSync(path.dirname(page), { recursive: true });
  writeFileSync(page, '<h1>第1次工作会议</h1>');
  writeFileSync(feed, '<rss></rss>');
  const manifest: PageManifest = {
    outDir,
    dir: await dirStamp(outDir),
    pages: { '/news/a001/': ['key-1', fileStamp(page) ?? ''] },
    units: { 'feed:/': ['key-2', [['/feed.xml', 'feed.xml', 'application/rss+xml', 'feeds of /', fileStamp(feed) ?? '']]] },
  };
  mkdirSync(path.dirname(manifestPath(cacheDir, outDir)), { recursive: true });
  writeFileSync(manifestPath(cacheDir, outDir), JSON.stringify(manifest));
  return { cacheDir, outDir, page, feed };
}

// Small manifests are read on this thread, large ones on a thread of their own: a threshold of 0 sends every one there.
describe.each([
  ['on this thread', Infinity],
  ['on a thread of its own', 0],
])('loadManifest %s', (_, threadAbove) => {
  it('gives the manifest, with no file changed while every file is as the build left it', async () => {
    const { cacheDir, outDir, page, feed } = await site(`same-${threadAbove}`);
    const loaded = await loadManifest(cacheDir, outDir, threadAbove);
    expect(loaded?.manifest.pages['/news/a001/']?.[0]).toBe('key-1');
    expect(loaded?.changed).toEqual(new Map());
    expect(loaded && leftAsRecorded(loaded, page, fileStamp(page) ?? '')).toBe(true);
    expect(loaded && leftAsRecorded(loaded, feed, fileStamp(feed) ?? '')).toBe(true);
  });

  it('reports a file changed or removed since the build with its new stamp, or none', async () => {
    const { cacheDir, outDir, page, feed } = await site(`edited-${threadAbove}`);
    const written = fileStamp(feed) ?? '';
    const pageWritten = fileStamp(page) ?? '';
    writeFileSync(feed, '<rss><!-- edited in dist/ --></rss>');
    rmSync(page);
    const loaded = await loadManifest(cacheDir, outDir, threadAbove);
    expect(loaded?.changed).toEqual(new Map([[page, undefined], [feed, fileStamp(feed)]]));
    expect(loaded && leftAsRecorded(loaded, feed, written)).toBe(false);
    expect(loaded && leftAsRecorded(loaded, page, pageWritten)).toBe(false);
  });

  it('gives nothing for a damaged manifest, or none', async () => {
    const made = await site(`damaged-${threadAbove}`);
    writeFileSync(manifestPath(made.cacheDir, made.outDir), '{"outDir":');
    expect(await loadManifest(made.cacheDir, made.outDir, threadAbove)).toBeUndefined();
    rmSync(manifestPath(made.cacheDir, made.outDir));
    expect(await loadManifest(made.cacheDir, made.outDir, threadAbove)).toBeUndefined();
  });
});

describe('loadManifest', () => {
  it('gives nothing for another output folder than the one it describes', async () => {
    const made = await site('moved');
    const other = path.join(root, 'moved', 'public');
    mkdirSync(other);
    // The manifest found where the other folder's would be still names the folder it describes.
    mkdirSync(path.dirname(manifestPath(made.cacheDir, other)), { recursive: true });
    writeFileSync(manifestPath(made.cacheDir, other), JSON.stringify({ ...(await loadManifest(made.cacheDir, made.outDir))?.manifest }));
    expect(await loadManifest(made.cacheDir, other)).toBeUndefined();
  });

  it('gives nothing once the output folder was replaced (another tool swapped in a new dist/)', async () => {
    const made = await site('replaced');
    expect(await loadManifest(made.cacheDir, made.outDir)).toBeDefined();
    rmSync(made.outDir, { recursive: true });
    mkdirSync(made.outDir);
    expect(await loadManifest(made.cacheDir, made.outDir)).toBeUndefined();
  });
});
