import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../../src/text/decode/index.js';
import { formatDiagnostic, isContentError } from '../../../../src/diagnostics/index.js';
import { sharedDir } from '../../../helpers/encoding-corpus.js';

const corpus = path.join(sharedDir, 'corpus');
const settings = { encoding: {}, candidates: ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'] };
const read = (rel: string) => ({ path: `content/${path.basename(rel)}`, contentPath: path.basename(rel), bytes: readFileSync(path.join(corpus, rel)) });

describe.skipIf(!hasCorpus())('decode traps from the shared corpus', () => {
  it('a page that says charset=gb2312 but is UTF-8 is read as UTF-8: bytes beat the label', () => {
    const result = decodeSource(read('news/gne__people__1.html'), settings);
    expect(result).toMatchObject({ encoding: 'utf-8', decidedBy: 'utf8' });
    expect(result.text).toContain('女儿出嫁，郑板桥画了几笔兰花当嫁妆');
  });

  it('a UTF-16BE BOM in front of little-endian text is refused', () => {
    try {
      decodeSource(read('traps/nodechardet__src__test__data__encodings__utf16be'), settings);
      expect.unreachable('expected a refusal');
    } catch (error) {
      if (!isContentError(error)) throw error;
      expect(formatDiagnostic(error.diagnostic)).toBe(
        'content/nodechardet__src__test__data__encodings__utf16be:1:1: error: the byte order mark says utf-16be but the text is utf-16le [decode/bom-mismatch]\n' +
          '  note: re-save the file as UTF-8 (or as utf-16le with a correct byte order mark)',
      );
    }
  });
});

function hasCorpus(): boolean {
  try {
    readFileSync(path.join(corpus, 'MANIFEST.md'));
    return true;
  } catch {
    console.warn(`skipping the decode trap tests: ${corpus} is absent`);
    return false;
  }
}
