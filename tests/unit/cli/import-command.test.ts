import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../../src/cli/import-command.js';
import type { CliIo } from '../../../src/cli/io.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixture = (name: string): Buffer => readFileSync(path.join(projectRoot, 'tests/fixtures/legacy', name));

function workspace(files: Readonly<Record<string, string | Uint8Array>>): { io: CliIo; out: string[]; err: string[]; read: (p: string) => string } {
  const cwd = mkdtempSync(path.join(tmpdir(), 'broadsheet-import-'));
  for (const [rel, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(cwd, rel)), { recursive: true });
    writeFileSync(path.join(cwd, rel), contents);
  }
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, cwd, env: {} };
  return { io, out, err, read: (p) => readFileSync(path.join(cwd, p), 'utf8') };
}

const plain = '标题一\n发布日期：2024-05-06\n信息来源：本网\n正文第一段。\n编辑：王五\n';

describe('broadsheet import', () => {
  it('imports a folder recursively into one UTF-8 Markdown file per export, with the column', async () => {
    const ws = workspace({ 'old/a.txt': plain, 'old/2024/trs.html': fixture('trs-editor.gbk.html'), 'old/notes.doc': 'x' });
    const code = await importCommand(['old'], { out: 'content/news', force: false, column: 'news' }, ws.io);
    expect(code).toBe(0);
    expect(ws.out).toEqual([
      'old/2024/trs.html -> content/news/2024/trs.md: gb18030; found title, date, source, editor; sections 1, paragraphs 4; repaired 2 (paragraph-indent 2); missing nothing',
      'old/a.txt -> content/news/a.md: utf-8; found title, date, source, editor; sections 1, paragraphs 1; nothing repaired; missing nothing',
    ]);
    expect(ws.read('content/news/a.md')).toBe('---\ntitle: 标题一\ndate: "2024-05-06"\nsource: 本网\neditor: 王五\ncolumn: news\n---\n\n正文第一段。\n');
    expect(ws.read('content/news/2024/trs.md')).toContain('title: 市政府召开常务会议\ndate: 2024-03-05 10:20\n');
    expect(existsSync(path.join(ws.io.cwd, 'content/news/notes.md'))).toBe(false);
  });

  it('reports what it repaired and what it could not find', async () => {
    const ws = workspace({ 'b.txt': '标题二\n日期:2024-05-06\n  正文,有逗号.\n' });
    const code = await importCommand(['b.txt'], { out: 'content', force: false }, ws.io);
    expect(code).toBe(0);
    expect(ws.out[0]).toMatch(/^b\.txt -> content\/b\.md: utf-8; found title, date; sections 1, paragraphs 1; repaired \d+ \(cjk-punctuation \d+.*\); missing source, editor$/);
    expect(ws.err).toEqual([
      expect.stringMatching(/^b\.txt:1:1: warning: no source found \[legacy\/missing-source\]/),
      expect.stringMatching(/^b\.txt:1:1: warning: no editor found \[legacy\/missing-editor\]/),
    ]);
  });

  it('never overwrites an existing file unless --force', async () => {
    const ws = workspace({ 'a.txt': plain, 'content/a.md': 'mine' });
    expect(await importCommand(['a.txt'], { out: 'content', force: false }, ws.io)).toBe(1);
    expect(ws.err).toEqual(['a.txt:1:1: error: content/a.md already exists [import/exists]\n  note: pass --force to overwrite it']);
    expect(ws.read('content/a.md')).toBe('mine');
    expect(await importCommand(['a.txt'], { out: 'content', force: true }, ws.io)).toBe(0);
    expect(ws.read('content/a.md')).toMatch(/^---\ntitle: 标题一\n/);
  });

  it('prints the error of an export without a date and goes on with the others', async () => {
    const ws = workspace({ 'in/a.txt': plain, 'in/c.txt': '标题三\n正文。\n' });
    expect(await importCommand(['in', 'missing.txt'], { out: 'content', force: false }, ws.io)).toBe(1);
    expect(ws.err).toEqual([
      'missing.txt:1:1: error: no such file or folder [import/not-found]',
      'in/c.txt:1:1: error: no date found [legacy/missing-date]\n  note: add a line such as `发布日期：2023-12-20` under the title',
    ]);
    expect(ws.out).toHaveLength(1);
    expect(existsSync(path.join(ws.io.cwd, 'content/c.md'))).toBe(false);
  });
});
