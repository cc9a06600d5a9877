import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions, type BuildResult } from '../../src/build/build.js';
import { coldTree, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';
import { fileTree } from '../helpers/tree.js';

// A build with nothing to do answers from the analysis the cache kept (`kept-analysis.ts`): no
// source manifest read, no model built. Whatever it reports must be what a build that analyses
// the site reports, and any doubt about the sources must send the build back to analysing them.

const simplified = '第二批主题教育开展以来，市中区通过深入调查研究查找问题，创新机制办法解决了一批群众关切、发展所需的难题。';
const traditional = '第二批主題教育開展以來，市中區通過深入調查研究查找問題，創新機制辦法解決了一批群眾關切、發展所需的難題。';

function markdown(title: string, day: number, body: string, extra = ''): string {
  return `---\ntitle: ${title}\ndate: 2024-01-0${day}\nsource: 濟南日報\n${extra}---\n\n${body}\n`;
}

const sites: TempSite[] = [];
afterAll(() => sites.forEach((site) => site.dispose()));

/** Sources in four encodings, one with a repair (a half-width comma between Chinese) and one with a warning. */
function newSite(): TempSite {
  const site = makeSite(
    {
      'content/utf8.md': markdown('统一编码', 1, simplified),
      'content/repaired.md': markdown('需要修复', 2, '市中区通过深入调查研究,创新机制办法解决了一批难题。'),
      'content/gb18030.md': iconv.encode(markdown('国标编码', 3, simplified).replace(/\n/g, '\r\n'), 'gb18030'),
      'content/big5.md': iconv.encode(markdown('大五碼', 4, traditional), 'big5'),
      'content/notes.docx': 'not an article',
    },
    siteConfig({ script: 'keep' }),
  );
  sites.push(site);
  // Saved an hour before the build, as editors do: a file modified in the tick a build begins reading in is never sealed (see below).
  const hourAgo = Date.now() / 1000 - 3600;
  for (const name of readdirSync(path.join(site.root, 'content'))) utimesSync(path.join(site.root, 'content', name), hourAgo, hourAgo);
  return site;
}

const cacheDir = (site: TempSite) => path.join(site.root, '.cache/broadsheet');

async function diskBuild(site: TempSite, options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const result = await build({ root: site.root, now: fixedNow, cacheDir: cacheDir(site), ...options });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.ok).toBe(true);
  return result;
}

/** What a build reports, as the CLI prints it: all but the model and the cache's figure. */
function report(result: BuildResult) {
  const { cached: _cached, ...stats } = result.stats;
  return { ok: result.ok, diagnostics: result.diagnostics, stats };
}

describe('a build answered from the kept analysis', () => {
  it('reports exactly what a build that analyses the site reports: diagnostics, repairs, encodings, figures', async () => {
    const site = newSite();
    const first = await diskBuild(site);
    expect(first.model).toBeDefined();
    const kept = await diskBuild(site);
    expect(kept.stats.upToDate).toBe(true);
    expect(kept.model).toBeUndefined();
    const analysed = await diskBuild(site, { needsModel: true });
    expect(analysed.stats.upToDate).toBe(true);
    expect(analysed.model?.articles).toHaveLength(4);
    expect(report(kept)).toEqual(report(analysed));
    // The site has something to report in each kind.
    expect(kept.diagnostics.some((d) => d.severity === 'warning')).toBe(true);
    expect(kept.stats.repairs).toBeGreaterThan(0);
    expect(kept.stats.outcomes.find((o) => o.path === 'content/repaired.md')?.repairs.length).toBeGreaterThan(0);
    expect(new Set(kept.stats.outcomes.map((o) => o.encoding))).toEqual(new Set(['utf-8', 'gb18030', 'big5']));
    expect(kept.stats.cached).toBe(4);
  });

  it('analyses again when a source is touched (same bytes, another stamp), and answers from the new seal after', async () => {
    const site = newSite();
    await diskBuild(site);
    const file = path.join(site.root, 'content/utf8.md');
    const laterHourAgo = Date.now() / 1000 - 3500;
    utimesSync(file, laterHourAgo, laterHourAgo);
    const touched = await diskBuild(site);
    expect(touched.stats.upToDate).toBe(true);
    expect(touched.model).toBeDefined();
    const next = await diskBuild(site);
    expect(next.model).toBeUndefined();
    expect(report(next)).toEqual(report(touched));
  });

  it('never keeps an analysis of a source modified in or after the tick its build began reading in (racy)', async () => {
    const site = newSite();
    const file = path.join(site.root, 'content/utf8.md');
    const inAnHour = Date.now() / 1000 + 3600;
    utimesSync(file, inAnHour, inAnHour);
    await diskBuild(site);
    // Another edit within that tick would keep the stamp: each build reads the sources again.
    const second = await diskBuild(site);
    expect(second.stats.upToDate).toBe(true);
    expect(second.model).toBeDefined();
    writeFileSync(file, markdown('统一编码（更正）', 1, simplified));
    utimesSync(file, inAnHour, inAnHour);
    const edited = await diskBuild(site);
    expect(edited.stats.upToDate).toBeUndefined();
    expect(readFileSync(path.join(site.root, 'dist/2024/01/utf8/index.html'), 'utf8')).toContain('统一编码（更正）');
  });

  it('analyses again when the kept analysis is damaged, and gives the tree of a cold build', async () => {
    const site = newSite();
    await diskBuild(site);
    const file = path.join(cacheDir(site), 'analysis.bin');
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0xff, bytes.length - 3);
    writeFileSync(file, bytes);
    const again = await diskBuild(site);
    expect(again.model).toBeDefined();
    expect(again.stats.upToDate).toBe(true);
    expect(fileTree(path.join(site.root, 'dist'))).toEqual(await coldTree(site));
    expect((await diskBuild(site)).model).toBeUndefined();
  });

  it('analyses again for other options (--future, --strict)', async () => {
    const site = newSite();
    await diskBuild(site);
    expect((await diskBuild(site)).model).toBeUndefined();
    expect((await diskBuild(site, { future: true })).model).toBeDefined();
    const strict = await build({ root: site.root, now: fixedNow, cacheDir: cacheDir(site), strict: true });
    expect(strict.model).toBeDefined();
    expect(strict.ok).toBe(false);
  });
});
