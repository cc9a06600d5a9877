import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build/build.js';
import { article, editSite, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';

// A build with a cache keeps the config it validated in .cache/config.json and takes it from there
// while the file's text is the same, without loading the validator. These check that what it takes
// is always what validating the file now would give.

const sites: TempSite[] = [];
afterAll(() => sites.forEach((site) => site.dispose()));

function freshSite(title = '测试新闻网'): TempSite {
  const files = { 'content/news/a001.md': article({ title: '"第1次工作会议"', date: '"2023-11-02 09:00"', column: 'news' }, '历下区扎实推进高质量发展。') };
  const site = makeSite(files, siteConfig({ title, search: false, mirror: false }));
  sites.push(site);
  return site;
}

const stored = (site: TempSite) => path.join(site.root, '.cache', 'config.json');
const homeTitle = (site: TempSite): string => /<title>([^<]*)<\/title>/.exec(readFileSync(path.join(site.root, 'dist', 'index.html'), 'utf8'))?.[1] ?? '';

function cachedBuild(site: TempSite): Promise<BuildResult> {
  return build({ root: site.root, now: fixedNow, cacheDir: path.join(site.root, '.cache') });
}

/** Put another title into the stored config (and another tool fingerprint, when given). */
function tamper(site: TempSite, title: string, tool?: string): void {
  const entry = JSON.parse(readFileSync(stored(site), 'utf8')) as { tool: string; config: { title: string } };
  entry.config.title = title;
  if (tool !== undefined) entry.tool = tool;
  writeFileSync(stored(site), JSON.stringify(entry));
}

describe('the validated config kept between builds', () => {
  it('is taken from the cache while the config file is the same (proved by a title changed only there)', async () => {
    const site = freshSite();
    expect((await cachedBuild(site)).ok).toBe(true);
    expect(homeTitle(site)).toContain('测试新闻网');
    tamper(site, '缓存里的标题');
    expect((await cachedBuild(site)).ok).toBe(true);
    expect(homeTitle(site)).toContain('缓存里的标题');
  });

  it('is validated again when the config file changes', async () => {
    const site = freshSite();
    await cachedBuild(site);
    editSite(site, 'site.config.json', JSON.stringify(siteConfig({ title: '新的站名', search: false, mirror: false })));
    expect((await cachedBuild(site)).ok).toBe(true);
    expect(homeTitle(site)).toContain('新的站名');
    expect(JSON.parse(readFileSync(stored(site), 'utf8')).config.title).toBe('新的站名');
  });

  it('is never taken for another version of the tool', async () => {
    const site = freshSite();
    await cachedBuild(site);
    tamper(site, '旧版本的标题', 'another tool');
    expect((await cachedBuild(site)).ok).toBe(true);
    expect(homeTitle(site)).toContain('测试新闻网');
  });

  it('reports a config that became invalid, at its position, as without a cache', async () => {
    const site = freshSite();
    await cachedBuild(site);
    editSite(site, 'site.config.json', '{\n  "title": "测试新闻网",\n  "baseUrl": "not a url"\n}\n');
    const result = await cachedBuild(site);
    expect(result.ok).toBe(false);
    expect(new Set(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`))).toEqual(new Set(['site.config.json:3:14 config/invalid']));
    expect(result.diagnostics).toEqual((await build({ root: site.root, now: fixedNow })).diagnostics);
  });

  it('is validated again and rewritten when the stored file is damaged', async () => {
    const site = freshSite();
    await cachedBuild(site);
    writeFileSync(stored(site), '{"tool": "');
    expect((await cachedBuild(site)).ok).toBe(true);
    expect(homeTitle(site)).toContain('测试新闻网');
    expect(JSON.parse(readFileSync(stored(site), 'utf8')).config.title).toBe('测试新闻网');
  });
});
