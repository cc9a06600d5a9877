import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dirStamp, fileStamp, loadManifest, manifestPath, type PageManifest } from '../../../src/build/page-manifest.js';

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

describe('loadManifest', () => {
  it('gives the manifest with the stamp every file it lists has now', async () => {
    const { cacheDir, outDir, page, feed } = await site('same');
    const loaded = await loadManifest(cacheDir, outDir);
    expect(loaded?.manifest.pages['/news/a001/']?.[0]).toBe('key-1');
    expect(loaded?.stamps).toEqual(new Map([[page, fileStamp(page)], [feed, fileStamp(feed)]]));
  });

  it('reports a file changed or removed since the build with its new stamp, or none', async () => {
    const { cacheDir, outDir, page, feed } = await site('edited');
    const written = fileStamp(feed);
    writeFileSync(feed, '<rss><!-- edited in dist/ --></rss>');
    rmSync(page);
    const loaded = await loadManifest(cacheDir, outDir);
    expect(loaded?.stamps.get(feed)).not.toBe(written);
    expect(loaded?.stamps.get(feed)).toBe(fileStamp(feed));
    expect(loaded?.stamps.has(page)).toBe(true);
    expect(loaded?.stamps.get(page)).toBeUndefined();
  });

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
