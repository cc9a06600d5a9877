import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../../src/text/decode/index.js';
import { formatDiagnostic, isContentError } from '../../../../src/diagnostics/index.js';
import type { DecodeOptions } from '../../../../src/text/types.js';
import { projectRoot } from '../../../helpers/encoding-corpus.js';

const fixture = (name: string): Uint8Array => readFileSync(path.join(projectRoot, 'tests/fixtures/encodings', name));

const traditional = [
  '臺北市政府今日發佈公告：自下月起，市區公車將延長夜間服務時間，以便利市民通勤。',
  '市長表示，這項措施經過半年的研究與試辦，乘客反應良好，未來將視需求增加班次。',
  '交通局同時提醒民眾，搭乘時請配合防疫規定，並留意站牌上的最新時刻表。',
  '',
].join('\n');
const crlf = traditional.replace(/\n/g, '\r\n');

/** The formatted diagnostic of the ContentError `run` throws. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isContentError(error)) return error.diagnostics.map(formatDiagnostic).join('\n');
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('decode: the same text saved in every encoding', () => {
  it.each([
    ['utf-8.txt', 'utf-8', 'utf8', traditional],
    ['utf-8-bom.txt', 'utf-8', 'bom', traditional],
    ['utf-8-crlf.txt', 'utf-8', 'utf8', crlf],
    ['utf-16le-bom.txt', 'utf-16le', 'bom', traditional],
    ['utf-16be-bom.txt', 'utf-16be', 'bom', traditional],
    ['utf-16le.txt', 'utf-16le', 'detected', traditional],
    ['utf-16be.txt', 'utf-16be', 'detected', traditional],
    ['utf-32le-bom.txt', 'utf-32le', 'bom', traditional],
    ['gb18030.txt', 'gb18030', 'detected', traditional],
    ['gb18030-crlf.txt', 'gb18030', 'detected', crlf],
    ['big5.txt', 'big5', 'detected', traditional],
    ['big5-crlf.txt', 'big5', 'detected', crlf],
  ] as const)('%s decodes to the original text as %s (%s)', (name, encoding, decidedBy, text) => {
    const result = decode(fixture(name), { path: name });
    expect(result).toMatchObject({ text, encoding, decidedBy });
    expect(result.text).not.toContain('\uFFFD');
  });

  it('reads GB2312 (simplified) as GB18030', () => {
    const result = decode(fixture('gb2312-simplified.txt'));
    expect(result.encoding).toBe('gb18030');
    expect(result.text).toContain('济南市历下区人民政府新闻办公室');
  });

  it.each([
    ['gbk', 'gb18030'],
    ['GB2312', 'gb18030'],
    ['big5-hkscs', 'big5'],
    ['Big5', 'big5'],
  ])('a declared %s is read as %s with confidence 1', (declared, encoding) => {
    const bytes = fixture(encoding === 'big5' ? 'big5.txt' : 'gb18030.txt');
    expect(decode(bytes, { declared })).toEqual({ text: traditional, encoding, confidence: 1, decidedBy: 'declared' });
  });

  it('a declaration beats the detector: GB18030 bytes declared big5 fail instead of being re-guessed', () => {
    expect(refusal(() => decode(fixture('gb18030.txt'), { path: 'content/a.txt', declared: 'big5' }))).toMatch(
      /^content\/a\.txt:1:\d+: error: bytes? 0x[0-9a-f]{2}( 0x[0-9a-f]{2})? at byte offset \d+ (is|are) not valid big5 \[decode\/invalid-bytes\]/,
    );
  });
});

describe('decode: refusals', () => {
  const cases: ReadonlyArray<readonly [string, string, DecodeOptions, string]> = [
    [
      'broken bytes report line, column and byte offset',
      'damaged-gb18030.txt',
      { path: 'content/legacy/b.txt', declared: 'gb18030' },
      'content/legacy/b.txt:3:3: error: bytes 0x81 0x20 at byte offset 158 are not valid gb18030 [decode/invalid-bytes]\n' +
        '  note: the file is damaged there or is not gb18030: re-save it from its original program as UTF-8, or fix the "encoding" entry for it in site.config.json',
    ],
    [
      'a short file gives too little evidence',
      'short-gb18030.txt',
      { path: 'content/legacy/a.txt' },
      'content/legacy/a.txt:1:1: error: cannot tell the encoding of this short file: gb18030 (confidence 0.10) or big5 (0.10) [decode/ambiguous-encoding]\n' +
        '  note: declare it in site.config.json: "encoding": { "content/legacy/a.txt": "gb18030" }',
    ],
    [
      'no candidate decodes the bytes',
      'damaged-gb18030.txt',
      { path: 'x.txt', candidates: ['utf-8', 'gb18030'] },
      'x.txt:1:1: error: cannot tell the encoding of this file: its bytes are not valid in any candidate encoding (utf-8, gb18030); the first bytes that are not UTF-8 are 0xbc at byte offset 0 [decode/unknown-encoding]\n' +
        '  note: if you know its encoding, declare it in site.config.json: "encoding": { "x.txt": "ENCODING" }; or add it to "candidates"',
    ],
    [
      'an unknown declared encoding',
      'utf-8.txt',
      { path: 'x.txt', declared: 'klingon' },
      'x.txt:1:1: error: unknown encoding "klingon" [decode/unsupported-encoding]\n' +
        '  note: use a name such as utf-8, gb18030, big5, utf-16le, utf-16be, shift_jis or euc-kr',
    ],
    [
      'a UTF-16 BOM that lies about byte order',
      'utf-16-lying-bom.txt',
      { path: 'x.txt' },
      'x.txt:1:1: error: the byte order mark says utf-16be but the text is utf-16le [decode/bom-mismatch]\n' +
        '  note: re-save the file as UTF-8 (or as utf-16le with a correct byte order mark)',
    ],
  ];
  it.each(cases)('%s', (_what, name, options, expected) => {
    expect(refusal(() => decode(fixture(name), options))).toBe(expected);
  });

  it('four characters valid in both GB18030 and Big5 are refused, naming both', () => {
    const bytes = Buffer.from([0xb0, 0xa1, 0xb0, 0xa2, 0xb0, 0xa3, 0xb0, 0xa4]);
    expect(refusal(() => decode(bytes, { path: 'a.txt' }))).toBe(
      'a.txt:1:1: error: cannot tell the encoding of this short file: gb18030 (confidence 0.10) or big5 (0.10) [decode/ambiguous-encoding]\n' +
        '  note: declare it in site.config.json: "encoding": { "a.txt": "gb18030" }',
    );
  });
});
