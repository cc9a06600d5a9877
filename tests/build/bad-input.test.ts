import { mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { buildInMemory, makeSite, type TempSite } from '../helpers/site.js';
import { copyFixture, hashTree, projectRoot, runCli } from '../helpers/tree.js';

const badDir = path.join(projectRoot, 'tests/fixtures/bad');

function expectedLines(fixture: string): string[] {
  return readFileSync(path.join(badDir, fixture, 'expected-diagnostics.txt'), 'utf8').split('\n').filter(Boolean);
}

/** A temp copy of a bad fixture site, plus the inputs too big or too odd to commit: a 20 MB article and a link out of content/. */
function badSite(fixture: string): TempSite {
  const site = makeSite({});
  copyFixture(path.join(badDir, fixture), site.root);
  if (fixture === 'site') {
    const news = path.join(site.root, 'content/news');
    writeFileSync(path.join(news, 'huge.md'), exactly(20 * 1024 * 1024, `---\ntitle: 太长\ndate: 2024-01-05\n---\n\n${'很长的文章。'.repeat(1_000_000)}`));
    symlinkSync(path.join(site.root, 'site.config.json'), path.join(news, 'outside.md'));
  }
  return site;
}

/** Text padded with newlines to exactly `bytes` bytes of UTF-8. */
function exactly(bytes: number, text: string): Buffer {
  const head = Buffer.from(text);
  return Buffer.concat([head, Buffer.alloc(bytes - head.length, '\n')]);
}

/** A previous build's output, which a failing build must leave byte for byte. */
function oldDist(root: string): Map<string, string> {
  mkdirSync(path.join(root, 'dist/2023'), { recursive: true });
  writeFileSync(path.join(root, 'dist/index.html'), '<!DOCTYPE html><title>昨天的首页</title>');
  writeFileSync(path.join(root, 'dist/2023/old.html'), '旧文章');
  return hashTree(path.join(root, 'dist'));
}

let site: TempSite | undefined;
afterEach(() => {
  site?.dispose();
  site = undefined;
});

describe('every bad input in one build', () => {
  it('reports each fixture with its exact diagnostic line, every one in the same run', async () => {
    site = badSite('site');
    const { result, writer } = await buildInMemory(site.root);
    const lines = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).map((l) => l.split('\n')[0]);
    expect(lines).toEqual(expectedLines('site'));
    expect(result.ok).toBe(false);
    expect(writer.committed).toBe(false);
  });

  it('gives one error line per bad source file, and none for the good one', async () => {
    site = badSite('site');
    const { result } = await buildInMemory(site.root);
    const sources = readdirSync(path.join(site.root, 'content/news')).filter((f) => f !== 'good.md' && f !== 'same-url-a.md');
    const files = result.diagnostics.map((d) => d.file);
    for (const f of sources) expect(files.filter((x) => x === `content/news/${f}`)).toHaveLength(1);
    expect(files).not.toContain('content/news/good.md');
  });
});

describe('the real CLI on bad input', () => {
  it.each([
    ['site', []],
    ['strict-site', ['--strict']],
    ['config-site', []],
  ])('%s: prints every expected line, exits 1, leaves dist/ byte for byte', (fixture, flags) => {
    site = badSite(fixture);
    const before = oldDist(site.root);
    const run = runCli(['build', ...flags], site.root);
    expect(run.status).toBe(1);
    const errorLines = run.stderr.split('\n').filter((l) => l.includes(': error: '));
    expect(errorLines).toEqual(expectedLines(fixture));
    expect(run.stderr).toContain('dist/ left unchanged');
    expect(hashTree(path.join(site.root, 'dist'))).toEqual(before);
    expect(existsSync(path.join(site.root, '.dist.staging'))).toBe(false);
  });
});
