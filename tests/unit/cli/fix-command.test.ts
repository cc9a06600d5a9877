import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import iconv from 'iconv-lite';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixCommand } from '../../../src/cli/fix-command.js';
import type { CliIo } from '../../../src/cli/io.js';

describe('fixCommand', () => {
  let dir = '';
  let out: string[] = [];
  let err: string[] = [];
  const io = (): CliIo => ({ out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, cwd: dir, env: {} });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-fix-'));
    out = [];
    err = [];
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('writes the repaired text as UTF-8 and keeps the original bytes in .orig', async () => {
    const gbk = iconv.encode('市中区(qū)通过深入调查研究查找问题,创新机制办法解决了一批群众关切的难题', 'gb18030');
    await writeFile(path.join(dir, 'a.txt'), gbk);
    expect(await fixCommand(['a.txt'], { script: 'zh-Hans' }, io())).toBe(0);
    expect(await readFile(path.join(dir, 'a.txt'), 'utf8')).toBe('市中区通过深入调查研究查找问题，创新机制办法解决了一批群众关切的难题');
    expect(await readFile(path.join(dir, 'a.txt.orig'))).toEqual(gbk);
    expect(out).toContain('a.txt:1:4: pinyin-annotations: "(qū)" -> ""');
  });

  it('refuses when a .orig copy already exists, and leaves the file alone', async () => {
    await writeFile(path.join(dir, 'a.md'), '正文,好');
    await writeFile(path.join(dir, 'a.md.orig'), 'older');
    expect(await fixCommand(['a.md'], {}, io())).toBe(1);
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('正文,好');
    expect(err[0]).toMatch(/^a\.md:1:1: error: a\.md\.orig already exists; .*\[fix\/orig-exists\]/);
  });
});
