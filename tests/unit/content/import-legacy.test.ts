import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importLegacy } from '../../../src/content/import-legacy.js';
import { formatDiagnostic, isContentError } from '../../../src/diagnostics/index.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = path.resolve(projectRoot, '../shared');
const seedPath = path.join(shared, 'seeds/000_862fb1d576b5b9c2.txt');
const haveSeed = existsSync(seedPath);
if (!haveSeed) console.warn(`importLegacy seed test skipped: ${seedPath} is absent (the shared folder sits beside the project)`);
const fixture = (name: string): Buffer => readFileSync(path.join(projectRoot, 'tests/fixtures/legacy', name));

describe.skipIf(!haveSeed)('importLegacy on the damaged seed (decode + repair + parse)', () => {
  const seed = (): Buffer => readFileSync(seedPath);

  it('finds the title, date, source, editor and three sections of 2, 5 and 5 paragraphs after a lead paragraph', () => {
    const article = importLegacy(seed(), { path: 'content/old/seed.txt', script: 'zh-Hans' });
    expect(article).toMatchObject({ title: '市中区以更实更细举措扎实开展主题教育', date: '2023-12-20', source: '济南日报', editor: '时金' });
    expect(article.author).toBeUndefined();
    expect(article.sections.map((s) => [s.heading, s.paragraphs.length])).toEqual([
      [undefined, 1],
      ['书上学 强化理论学习筑牢思想根基', 2],
      ['一线看 深入调查研究出实招办实事', 5],
      ['事上见 突出治标治本检视整改落实落细', 5],
    ]);
    expect(article.parsed.body).not.toMatch(/友情链接|编辑：|星期四|\(q|\n\?\n/);
  });

  it('keeps Traditional script by default, and reports the one lossy spot it cannot repair', () => {
    const article = importLegacy(seed(), { path: 'content/old/seed.txt' });
    expect(article.title).toBe('市中區以更實更細舉措扎實開展主題教育');
    expect(article.source).toBe('濟南日報');
    expect(article.warnings.map((w) => `${w.line}:${w.column} ${w.code}`)).toContain('9:123 text/lossy-conversion');
    expect(article.repairs.length).toBeGreaterThan(100);
  });
});

describe('importLegacy on HTML exports', () => {
  it('decodes a GBK TRS page from its <meta http-equiv> charset and parses it', () => {
    const article = importLegacy(fixture('trs-editor.gbk.html'), { path: 'old/trs.html', baseUrl: 'https://www.example.gov.cn/zwyw/' });
    expect(article.encoding).toBe('gb18030');
    expect(article).toMatchObject({ title: '市政府召开常务会议', date: '2024-03-05 10:20', source: '市政府办公室', editor: '张三' });
    expect(article.sections[0]?.paragraphs[1]).toBe('![会议现场](https://www.example.gov.cn/zwyw/W020240305.jpg)');
  });

  it('refuses a file that is not a legacy export', () => {
    try {
      importLegacy(new TextEncoder().encode('# 标题'), { path: 'old/a.md' });
      expect.unreachable();
    } catch (error) {
      if (!isContentError(error)) throw error;
      expect(formatDiagnostic(error.diagnostic)).toBe('old/a.md:1:1: error: not a legacy export: expected a .txt, .html or .htm file [legacy/unknown-format]');
    }
  });
});
