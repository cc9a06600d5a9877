import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleSite, hasJava, skipWithout } from '../helpers/browser.js';

const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;
const skip = skipWithout(hasJava, 'Java (the Nu Html Checker runs on it)', 'apt-get install -y default-jre-headless');

interface VnuMessage {
  readonly type: string;
  readonly subType?: string;
  readonly url: string;
  readonly lastLine?: number;
  readonly message: string;
}

describe.skipIf(skip)('every page of the sample site in the Nu Html Checker', () => {
  let site: Awaited<ReturnType<typeof buildSampleSite>>;
  let htmlFiles: string[];

  beforeAll(async () => {
    site = await buildSampleSite();
    htmlFiles = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => path.join(site.outDir, f));
  });

  afterAll(() => site?.dispose());

  it('checks the original pages and their Traditional mirror', () => {
    const relative = htmlFiles.map((f) => path.relative(site.outDir, f).split(path.sep).join('/'));
    expect(relative).toEqual(expect.arrayContaining(['index.html', 'search/index.html', '2023/12/shizhong-theme-education/index.html', 'zh-hant/index.html', 'zh-hant/search/index.html']));
  });

  it('reports no error on any page (one JVM start for all files)', () => {
    const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...htmlFiles], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw run.error;
    const messages = (JSON.parse(run.stderr) as { messages: VnuMessage[] }).messages;
    const errors = messages.map((m) => `${path.relative(site.outDir, new URL(m.url).pathname)}:${m.lastLine ?? '?'}: ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}`);
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  }, 180_000);
});
