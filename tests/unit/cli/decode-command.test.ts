import { mkdtempSync, readFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCommand } from '../../../src/cli/decode-command.js';
import type { CliIo } from '../../../src/cli/io.js';
import { projectRoot } from '../../helpers/encoding-corpus.js';

function workspace(): { io: CliIo; out: string[]; err: string[] } {
  const cwd = mkdtempSync(path.join(tmpdir(), 'broadsheet-decode-'));
  cpSync(path.join(projectRoot, 'tests/fixtures/encodings'), path.join(cwd, 'in'), { recursive: true });
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, cwd, env: {} }, out, err };
}

describe('broadsheet decode', () => {
  it('prints encoding, decision and confidence per file', async () => {
    const { io, out, err } = workspace();
    const code = await decodeCommand(['in/big5.txt', 'in/utf-8-bom.txt'], { format: 'text' }, io);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('\n')).toBe(['in/big5.txt       big5   detected     0.98', 'in/utf-8-bom.txt  utf-8  BOM          1.00'].join('\n'));
  });

  it('prints JSON without the text, reports a refused file and exits 1', async () => {
    const { io, out, err } = workspace();
    const code = await decodeCommand(['in/gb18030.txt', 'in/short-gb18030.txt'], { format: 'json' }, io);
    expect(code).toBe(1);
    expect(JSON.parse(out.join(''))).toEqual([{ path: 'in/gb18030.txt', encoding: 'gb18030', confidence: 0.99, decidedBy: 'detected' }]);
    expect(err.join('\n')).toContain('in/short-gb18030.txt:1:1: error: cannot tell the encoding of this short file');
  });

  it('--to-utf8 writes UTF-8 copies under the same relative paths', async () => {
    const { io } = workspace();
    await decodeCommand(['in/utf-16be.txt', 'in/gb18030-crlf.txt'], { format: 'text', toUtf8: 'out' }, io);
    const copy = readFileSync(path.join(io.cwd, 'out/in/utf-16be.txt'), 'utf8');
    expect(copy.startsWith('臺北市政府今日發佈公告')).toBe(true);
    expect(readFileSync(path.join(io.cwd, 'out/in/gb18030-crlf.txt'), 'utf8')).toContain('通勤。\r\n市長表示');
  });
});
