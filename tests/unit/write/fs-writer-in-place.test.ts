import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../src/render/page.js';
import { FsWriter } from '../../../src/write/fs-writer.js';
import { hashTree } from '../../helpers/tree.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function page(outputPath: string, contents: string): Page {
  return { url: `/${outputPath}`, outputPath, contents, contentType: 'text/html; charset=utf-8', origin: 'test' };
}

/** An output folder as a previous build left it: ten article pages, a home page and one page that will go. */
function previousOutput(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-in-place-'));
  roots.push(root);
  const dist = path.join(root, 'dist');
  for (const name of [...Array.from({ length: 10 }, (_, i) => `news/a${i}/index.html`), 'index.html', 'news/gone/index.html']) {
    mkdirSync(path.dirname(path.join(dist, name)), { recursive: true });
    writeFileSync(path.join(dist, name), `旧：${name}`);
  }
  return dist;
}

const files = (dist: string) => readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.html')).sort();
const ino = (dist: string, name: string) => statSync(path.join(dist, name)).ino;

describe('FsWriter.updateInPlace', () => {
  it('leaves kept and same-byte pages where they are, moves in written ones, deletes pages no longer produced', async () => {
    const dist = previousOutput();
    const before = new Map(files(dist).map((n) => [n, ino(dist, n)]));
    const writer = await FsWriter.open(dist);
    writer.updateInPlace(new Set(files(dist)), 32);
    for (let i = 0; i < 9; i++) await writer.link(page(`news/a${i}/index.html`, ''), path.join(dist, `news/a${i}/index.html`));
    await writer.write(page('news/a9/index.html', '旧：news/a9/index.html'));
    await writer.write(page('index.html', '新首页'));
    // A render thread's page, written into the staging folder directly.
    mkdirSync(path.join(writer.staging, 'news/new'), { recursive: true });
    writeFileSync(path.join(writer.staging, 'news/new/index.html'), '新文章');
    writer.writtenElsewhere('news/new/index.html');
    await writer.commit();
    expect(files(dist)).toEqual([...Array.from({ length: 10 }, (_, i) => `news/a${i}/index.html`), 'index.html', 'news/new/index.html'].sort());
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('新首页');
    expect(readFileSync(path.join(dist, 'news/new/index.html'), 'utf8')).toBe('新文章');
    expect(readdirSync(path.join(dist, 'news'))).not.toContain('gone');
    for (let i = 0; i < 10; i++) expect(ino(dist, `news/a${i}/index.html`)).toBe(before.get(`news/a${i}/index.html`));
    expect(writer.untouched).toBe(false);
    expect(readdirSync(path.dirname(dist))).toEqual(['dist']);
  });

  it('moves in and keeps a page another thread wrote into the staging folder even unannounced', async () => {
    const dist = previousOutput();
    const writer = await FsWriter.open(dist);
    writer.updateInPlace(new Set(files(dist)), 32);
    for (const name of files(dist)) await writer.write(page(name, `旧：${name}`));
    mkdirSync(path.join(writer.staging, 'news/b'), { recursive: true });
    writeFileSync(path.join(writer.staging, 'news/b/index.html'), '线程写的文章');
    await writer.commit();
    expect(readFileSync(path.join(dist, 'news/b/index.html'), 'utf8')).toBe('线程写的文章');
    expect(writer.outputs.has('news/b/index.html')).toBe(true);
    expect(files(dist)).toContain('news/gone/index.html');
  });

  it('touches nothing when every page is kept or unchanged', async () => {
    const dist = previousOutput();
    const tree = hashTree(dist);
    const ctime = statSync(dist).ctimeMs;
    const writer = await FsWriter.open(dist);
    writer.updateInPlace(new Set(files(dist)), 32);
    for (const name of files(dist)) await writer.write(page(name, `旧：${name}`));
    await writer.commit();
    expect(writer.untouched).toBe(true);
    expect(hashTree(dist)).toEqual(tree);
    expect(statSync(dist).ctimeMs).toBe(ctime);
  });

  it('falls back to a whole staged swap past its limit, with the same resulting tree', async () => {
    const dist = previousOutput();
    const folder = statSync(dist).ino;
    const writer = await FsWriter.open(dist);
    writer.updateInPlace(new Set(files(dist)), 2);
    await writer.link(page('news/a0/index.html', ''), path.join(dist, 'news/a0/index.html'));
    for (let i = 1; i < 10; i++) await writer.write(page(`news/a${i}/index.html`, `新：${i}`));
    await writer.write(page('index.html', '新首页'));
    await writer.commit();
    expect(statSync(dist).ino).not.toBe(folder);
    expect(files(dist)).toEqual([...Array.from({ length: 10 }, (_, i) => `news/a${i}/index.html`), 'index.html'].sort());
    expect(readFileSync(path.join(dist, 'news/a0/index.html'), 'utf8')).toBe('旧：news/a0/index.html');
    expect(readFileSync(path.join(dist, 'news/a5/index.html'), 'utf8')).toBe('新：5');
  });
});
