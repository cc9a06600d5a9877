import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource, declaredEncoding, encodingTally, formatEncodingReport } from '../../../../src/text/decode/index.js';
import { formatDiagnostic, isContentError } from '../../../../src/diagnostics/index.js';
import type { SourceFile } from '../../../../src/source/source-file.js';
import { projectRoot } from '../../../helpers/encoding-corpus.js';

const candidates = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'];
function source(fixture: string, contentPath: string): SourceFile {
  return { path: `content/${contentPath}`, contentPath, bytes: readFileSync(path.join(projectRoot, 'tests/fixtures/encodings', fixture)) };
}

describe('declaredEncoding', () => {
  const map = { 'legacy/**': 'gb18030', 'legacy/tw/*.txt': 'big5' };
  it.each([
    ['legacy/2001/a.txt', 'gb18030'],
    ['legacy/tw/b.txt', 'big5'],
    ['news/c.md', undefined],
  ])('%s -> %s (the last matching glob wins)', (contentPath, expected) => {
    expect(declaredEncoding(contentPath, map)).toBe(expected);
  });
});

describe('decodeSource', () => {
  it('a config glob declares the encoding, and its key is what the user wrote', () => {
    const result = decodeSource(source('big5.txt', 'legacy/tw/a.txt'), { encoding: { 'legacy/tw/**': 'big5' }, candidates });
    expect(result).toMatchObject({ path: 'content/legacy/tw/a.txt', encoding: 'big5', decidedBy: 'declared', confidence: 1 });
  });

  it('a config declaration that the bytes contradict fails at the bad bytes, naming the file by its site path', () => {
    try {
      decodeSource(source('damaged-gb18030.txt', 'legacy/b.txt'), { encoding: { 'legacy/**': 'gbk' }, candidates });
      expect.unreachable('expected a refusal');
    } catch (error) {
      if (!isContentError(error)) throw error;
      expect(formatDiagnostic(error.diagnostic).split('\n')[0]).toBe(
        'content/legacy/b.txt:3:3: error: bytes 0x81 0x20 at byte offset 158 are not valid gb18030 [decode/invalid-bytes]',
      );
    }
  });

  it('a refusal suggests the config line with the content-relative path', () => {
    try {
      decodeSource(source('short-gb18030.txt', 'legacy/a.txt'), { encoding: {}, candidates });
      expect.unreachable('expected a refusal');
    } catch (error) {
      if (!isContentError(error)) throw error;
      expect(error.diagnostic.note).toBe('declare it in site.config.json: "encoding": { "legacy/a.txt": "gb18030" }');
    }
  });

  it.each([
    ['meta-gb2312-utf8.html', 'utf-8', 'utf8', '济南市历下区人民政府'],
    ['meta-gbk.html', 'gb18030', 'declared', '<body>本市新闻通知</body>'],
  ])('%s is read as %s (%s)', (fixture, encoding, decidedBy, expected) => {
    const result = decodeSource(source(fixture, `pages/${fixture}`), { encoding: {}, candidates });
    expect(result).toMatchObject({ encoding, decidedBy });
    expect(result.text).toContain(expected);
  });
});

describe('encoding report and tally', () => {
  const results = [
    { path: 'content/b.txt', text: '', encoding: 'gb18030', confidence: 0.99, decidedBy: 'detected' },
    { path: 'content/a.md', text: '', encoding: 'utf-8', confidence: 1, decidedBy: 'utf8' },
    { path: 'content/legacy/c.txt', text: '', encoding: 'gb18030', confidence: 1, decidedBy: 'declared' },
    { path: 'content/d.txt', text: '', encoding: 'utf-16le', confidence: 1, decidedBy: 'bom' },
  ] as const;

  it('prints one aligned line per file with encoding, how it was decided and confidence', () => {
    expect(formatEncodingReport(results)).toBe(
      [
        'content/b.txt         gb18030   detected     0.99',
        'content/a.md          utf-8     valid UTF-8  1.00',
        'content/legacy/c.txt  gb18030   declared     1.00',
        'content/d.txt         utf-16le  BOM          1.00',
      ].join('\n'),
    );
  });

  it('counts files per encoding and lists the detected ones', () => {
    expect(encodingTally(results)).toEqual({ byEncoding: { gb18030: 2, 'utf-16le': 1, 'utf-8': 1 }, detected: ['content/b.txt'] });
  });
});
