import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../../src/diagnostics/index.js';
import { repairText } from '../../../../src/text/repair/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const seedPath = path.resolve(root, '../shared', 'seeds/000_862fb1d576b5b9c2.txt');
const haveShared = existsSync(seedPath);
if (!haveShared) console.warn(`../shared is absent (looked for ${seedPath}): skipping the seed-article test`);

const pinyinAnnotation = /[(（]?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]/u;
const asciiPunctInChinese = /\p{Script=Han}[,:;!()]|[,:;!()]\p{Script=Han}/u;

describe.skipIf(!haveShared)('the seed article (shared/seeds/000)', () => {
  const original = haveShared ? readFileSync(seedPath, 'utf8') : '';

  describe.each(['text', 'markdown'] as const)('as %s', (format) => {
    const source = format === 'markdown' ? `---\ntitle: 市中區(qū)以更實更細(xì)舉措\n---\n${original}` : original;
    const shift = format === 'markdown' ? 3 : 0;
    const result = repairText(source, { format, script: 'zh-Hans', path: 'seed.txt' });

    it('keeps every line', () => {
      expect(result.text.split('\n')).toHaveLength(source.split('\n').length);
    });

    it('has no pinyin annotation left', () => {
      expect(result.text).not.toMatch(pinyinAnnotation);
    });

    it('has full-width punctuation in Chinese text', () => {
      expect(result.text).not.toMatch(asciiPunctInChinese);
      expect(result.text).toContain('发布日期：2023-12-20');
      expect(result.text).toContain('以来，市中区通过');
    });

    it('is in Simplified script', () => {
      expect(result.text).toContain('市中区以更实更细举措扎实开展主题教育');
      expect(result.text).not.toMatch(/[區學習發實細來濟]/u);
    });

    it('flags exactly the lossy spot, on its line', () => {
      const lossy = result.warnings.filter((w) => w.code === 'text/lossy-conversion');
      expect(lossy.map((w) => [w.line, w.column])).toEqual([[9 + shift, 123]]);
      expect(lossy[0]?.message).toContain('向?qū)嵺`運用');
      expect(formatDiagnostic(lossy[0]!)).toMatch(new RegExp(`^seed\\.txt:${9 + shift}:123: warning: `));
    });

    it('raises no other warning', () => {
      expect(result.warnings.filter((w) => w.code !== 'text/lossy-conversion')).toEqual([]);
    });
  });

  it('drops the two-space paragraph indents of a plain-text export', () => {
    const result = repairText(original, { format: 'text', script: 'zh-Hans' });
    expect(result.text).not.toMatch(/^ +/m);
    expect(result.repairs.filter((r) => r.rule === 'paragraph-indent')).toHaveLength(16);
  });

  it('repairs the title in front matter but not its key', () => {
    const result = repairText(`---\ntitle: 市中區(qū)舉措\n---\n正文`, { format: 'markdown', script: 'zh-Hans' });
    expect(result.text).toBe('---\ntitle: 市中区举措\n---\n正文');
  });
});
