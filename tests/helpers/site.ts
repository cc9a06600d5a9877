import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { build, type BuildOptions, type BuildResult } from '../../src/build/build.js';
import { MemoryWriter } from '../../src/write/memory-writer.js';
import { fileTree } from './tree.js';

/** A fixed build time: 2024-01-10 12:00 in Shanghai. */
export const fixedNow = Date.UTC(2024, 0, 10, 4, 0, 0);

/** A minimal valid site config, with overrides. */
export function siteConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '测试新闻网',
    baseUrl: 'https://news.example.gov.cn',
    columns: [
      { key: 'news', name: '工作动态' },
      { key: 'notices', name: '通知公告', kind: 'notice' },
    ],
    friendlyLinks: [
      { name: '中国政府网', url: 'https://www.gov.cn/' },
      { group: '省市网站', links: [{ name: '山东省人民政府', url: 'http://www.shandong.gov.cn/' }] },
    ],
    footer: { sponsor: '测试编辑部', icp: '鲁ICP备12345678号', siteCode: '3701030001' },
    ...overrides,
  };
}

/** A temporary site folder; files are paths relative to its root. Removed by `dispose`. */
export interface TempSite {
  readonly root: string;
  readonly dispose: () => void;
}

/** Write a site into a fresh temporary folder. A string `site.config.json` is written as is. */
export function makeSite(files: Readonly<Record<string, string | Uint8Array>>, config: unknown = siteConfig()): TempSite {
  const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-site-'));
  const all: Record<string, string | Uint8Array> = { 'site.config.json': typeof config === 'string' ? config : JSON.stringify(config, null, 2), ...files };
  for (const [rel, contents] of Object.entries(all)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
  mkdirSync(path.join(root, 'content'), { recursive: true });
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Write `contents` to `file` in the site (its folders made), or remove the file when `contents` is undefined. */
export function editSite(site: TempSite, file: string, contents: string | undefined): void {
  const target = path.join(site.root, file);
  if (contents === undefined) return rmSync(target);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, contents);
}

/**
 * The files of a cold build of the site as it is now (no cache, a fresh output folder, one thread
 * unless `options` say otherwise), by `fileTree`: what every warm build must equal byte for byte.
 */
export async function coldTree(site: TempSite, options: Partial<BuildOptions> = {}): Promise<Map<string, string>> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-cold-'));
  try {
    const { cacheDir: _none, ...rest } = options;
    await build({ root: site.root, now: fixedNow, outDir, workers: 0, ...rest });
    return fileTree(outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Build a site into memory. */
export async function buildInMemory(root: string, options: Partial<BuildOptions> = {}): Promise<{ result: BuildResult; writer: MemoryWriter }> {
  const writer = new MemoryWriter();
  const result = await build({ root, now: fixedNow, writer, ...options });
  return { result, writer };
}

/** Parse one built HTML page. */
export function page(writer: MemoryWriter, outputPath: string): CheerioAPI {
  return load(writer.text(outputPath));
}

/** A Markdown article with front matter from `fields` (values written as YAML as given). */
export function article(fields: Readonly<Record<string, string>>, body: string): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
  return ['---', ...lines, '---', '', body, ''].join('\n');
}
