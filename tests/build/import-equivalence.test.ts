import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/import-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { formatDiagnostic } from '../../src/diagnostics/index.js';
import { article, buildInMemory, makeSite, page, type TempSite } from '../helpers/site.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedPath = path.resolve(projectRoot, '../shared', 'seeds/000_862fb1d576b5b9c2.txt');
const haveSeed = existsSync(seedPath);
if (!haveSeed) console.warn(`import/build equivalence test skipped: ${seedPath} is absent (the shared folder sits beside the project)`);
const fixture = (name: string): Buffer => readFileSync(path.join(projectRoot, 'tests/fixtures/legacy', name));

const sites: TempSite[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.dispose();
});

function quietIo(cwd: string, err: string[]): CliIo {
  return { out: () => undefined, err: (t) => err.push(t), isTty: false, cwd, env: {} };
}

describe.skipIf(!haveSeed)('import, then build, gives the pages that building the raw exports gives', () => {
  const exports = (): Record<string, Uint8Array> => ({
    'seed.txt': readFileSync(seedPath),
    'trs.html': fixture('trs-editor.gbk.html'),
    'zoom.html': fixture('zoom.html'),
  });
  const markdown = article({ title: '普通稿件', date: '2024-01-02' }, '正文。');

  it('for a mix of .md, GB18030/UTF-8 .txt and GBK/UTF-8 .html sources', async () => {
    const rawFiles = Object.fromEntries(Object.entries(exports()).map(([name, bytes]) => [`content/news/${name}`, bytes]));
    const raw = makeSite({ 'content/news/plain.md': markdown, ...rawFiles });
    const imported = makeSite({
      'content/news/plain.md': markdown,
      ...Object.fromEntries(Object.entries(exports()).map(([name, bytes]) => [`exports/${name}`, bytes])),
    });
    sites.push(raw, imported);
    const importErrors: string[] = [];
    expect(await importCommand(['exports'], { out: 'content/news', force: false }, quietIo(imported.root, importErrors))).toBe(0);

    // After the newest export's date: the build leaves future-dated articles out.
    const now = Date.UTC(2024, 5, 1);
    const a = await buildInMemory(raw.root, { now });
    const b = await buildInMemory(imported.root, { now });
    expect(a.result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect([...b.writer.pages.keys()].sort()).toEqual([...a.writer.pages.keys()].sort());
    for (const outputPath of a.writer.pages.keys()) {
      expect(b.writer.text(outputPath), outputPath).toBe(a.writer.text(outputPath));
    }
    const titles = [...a.writer.pages.keys()].filter((p) => !p.startsWith('zh-hant/') && /\/(seed|trs|zoom)\/index\.html$/.test(p)).map((p) => page(a.writer, p)('h1').first().text().trim());
    expect(titles.sort()).toEqual(['區政府舉行新聞發布會', '市中區以更實更細舉措扎實開展主題教育', '市政府召开常务会议'].sort());
  });
});
