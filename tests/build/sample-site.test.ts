import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { fixedNow } from '../helpers/site.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-sample-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function treeHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return hashes;
}

describe('the sample site', () => {
  it('builds one page per article, the index, and byte-identical output twice', async () => {
    const first = path.join(scratch, 'one');
    const second = path.join(scratch, 'two');
    const a = await build({ root, outDir: first, now: fixedNow });
    const b = await build({ root, outDir: second, now: fixedNow });
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.ok && b.ok).toBe(true);
    const hashes = treeHashes(first);
    expect(treeHashes(second)).toEqual(hashes);
    const articlePages = a.model?.articles.map((x) => `${x.url.slice(1)}index.html`) ?? [];
    expect(articlePages.length).toBe(13);
    for (const p of [...articlePages, 'index.html']) expect(hashes[p], p).toBeDefined();
    const seed = load(readFileSync(path.join(first, '2023/12/shizhong-theme-education/index.html'), 'utf8'));
    expect(seed('h1').text()).toBe('市中区以更实更细举措扎实开展主题教育');
    expect(seed('.article-body h2').length).toBe(3);
    const legacy = a.model?.articles.find((x) => x.format === 'legacy-text');
    expect(legacy?.column).toBe('notices');
  });
});
