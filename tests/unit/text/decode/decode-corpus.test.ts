import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../../src/text/decode/index.js';
import { isContentError } from '../../../../src/diagnostics/index.js';
import { encodingCorpusDir, hasEncodingCorpus, readEncodingCorpus, type CorpusFile } from '../../../helpers/encoding-corpus.js';

if (!hasEncodingCorpus) console.warn(`skipping the encoding corpus tests: ${encodingCorpusDir} is absent`);

const corpusCandidates = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'shift_jis'];
const refusalCodes = ['decode/ambiguous-encoding', 'decode/unknown-encoding'];

type Outcome = { kind: 'right' | 'wrong'; encoding: string; text: string } | { kind: 'refused'; code: string };

function outcome(file: CorpusFile, candidates?: readonly string[]): Outcome {
  try {
    const result = decode(file.bytes, { path: file.name, ...(candidates ? { candidates } : {}) });
    return { kind: result.encoding === file.family ? 'right' : 'wrong', encoding: result.encoding, text: result.text };
  } catch (error) {
    if (isContentError(error)) return { kind: 'refused', code: error.diagnostic.code };
    throw error;
  }
}

describe.skipIf(!hasEncodingCorpus)('decode on the real-file corpus', () => {
  const files = hasEncodingCorpus ? readEncodingCorpus() : [];

  it.each(files.map((f) => [f.name, f] as const))('%s: right family or a clear refusal', (_name, file) => {
    const result = outcome(file, corpusCandidates);
    if (result.kind === 'refused') expect(refusalCodes).toContain(result.code);
    else expect(result.encoding).toBe(file.family);
  });

  it('refuses at most 2% of the files over 1 KB', () => {
    const large = files.filter((f) => f.bytes.length > 1024);
    const refused = large.filter((f) => outcome(f, corpusCandidates).kind === 'refused').map((f) => f.name);
    expect(refused.length / large.length, refused.join(', ')).toBeLessThanOrEqual(0.02);
  });

  it.each(files.filter((f) => f.name.includes('cpython__') && !f.name.includes('-utf8')).map((f) => [f.name, f] as const))(
    '%s decodes exactly to its UTF-8 twin when it is decoded',
    (_name, file) => {
      const result = outcome(file, corpusCandidates);
      const twin = path.join(encodingCorpusDir, 'UTF-8', path.basename(file.name).replace('.txt', '-utf8.txt'));
      if (result.kind === 'refused') expect(file.bytes.length).toBeLessThan(100);
      else expect(result.text).toBe(readFileSync(twin, 'utf8'));
    },
  );

  it('with the default (Chinese) candidates, no Japanese file is read as a Chinese encoding', () => {
    const japanese = files.filter((f) => f.family === 'shift_jis');
    const misread = japanese.map((f) => [f.name, outcome(f)] as const).filter(([, o]) => o.kind !== 'refused');
    expect(japanese.length).toBeGreaterThan(0);
    expect(misread.map(([name]) => name)).toEqual([]);
  });
});
