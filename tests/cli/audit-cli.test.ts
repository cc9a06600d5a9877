import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../helpers/io.js';
import { article, makeSite, siteConfig, type TempSite } from '../helpers/site.js';

let site: TempSite | undefined;
afterEach(() => site?.dispose());


const footer = { sponsor: '测试区人民政府办公室', contact: '0531-12345678', siteCode: '3701030001', icp: '鲁ICP备12345678号', publicSecurity: '鲁公网安备 37010202000001号' };
const config = siteConfig({ footer, columns: [{ key: 'news', name: '工作动态' }] });

describe('broadsheet audit and build --audit', () => {
  it('keeps a dates manifest outside dist/ and fails a back-dated article on the next build', async () => {
    site = makeSite({ 'content/news/a.md': article({ title: '动态', date: '2024-01-08', column: 'news' }, '正文。') }, config);
    const first = captureIo(site.root);
    expect(await main(['build', '--audit'], first)).toBe(0);
    expect(first.stdout.join('\n').split('\n').at(-1)).toMatch(/^Audit passed: \d+ pages, \d+ links, 1 article, 1 column; 0 failures, 0 warnings$/);
    const manifest = path.join(site.root, '.cache/broadsheet/manifest.json');
    expect(JSON.parse(readFileSync(manifest, 'utf8'))).toEqual({ version: 1, sources: { 'content/news/a.md': { firstDate: '2024-01-08', date: '2024-01-08' } } });
    expect(existsSync(path.join(site.root, 'dist/.cache'))).toBe(false);

    writeFileSync(path.join(site.root, 'content/news/a.md'), article({ title: '动态', date: '2024-01-02', column: 'news' }, '正文。'));
    const second = captureIo(site.root);
    expect(await main(['build', '--audit'], second)).toBe(1);
    expect(second.stdout.join('\n')).toContain('content/news/a.md:3:1: error: date changed from 2024-01-08 (when first built) to 2024-01-02: back-dating an article fails the inspection [audit/back-dated]');
    const again = captureIo(site.root);
    expect(await main(['audit'], again)).toBe(1);
  });

  it('audits a build with nothing to do, and prints what the build before it printed', async () => {
    site = makeSite({ 'content/news/a.md': article({ title: '动态', date: '2024-01-08', column: 'news' }, '正文，\n\n第二段,继续。') }, config);
    const source = path.join(site.root, 'content/news/a.md');
    utimesSync(source, Date.now() / 1000 - 3600, Date.now() / 1000 - 3600);
    const lines = (io: ReturnType<typeof captureIo>) => [...io.stdout, ...io.stderr].join('\n').replace(/in \d+\.\d+ s/, 'in N s');
    const first = captureIo(site.root);
    expect(await main(['build'], first)).toBe(0);
    const second = captureIo(site.root);
    expect(await main(['build'], second)).toBe(0);
    // The second build has nothing to do (answered from the analysis the first kept): the same report, and "up to date".
    expect(lines(second)).toContain('dist/ is up to date');
    const report = (io: ReturnType<typeof captureIo>) => lines(io).replace(/\n(Reused|dist\/ is up to date).*/g, '');
    expect(report(second)).toBe(report(first));
    expect(report(first)).toContain('repaired: cjk-punctuation');
    // A dates manifest deleted since is made again, though nothing else changed.
    const dates = path.join(site.root, '.cache/broadsheet/manifest.json');
    rmSync(dates);
    expect(await main(['build'], captureIo(site.root))).toBe(0);
    expect(JSON.parse(readFileSync(dates, 'utf8'))).toEqual({ version: 1, sources: { 'content/news/a.md': { firstDate: '2024-01-08', date: '2024-01-08' } } });
    const audited = captureIo(site.root);
    expect(await main(['build', '--audit'], audited)).toBe(0);
    expect(lines(audited)).toContain('dist/ is up to date');
    expect(audited.stdout.join('\n').split('\n').at(-1)).toMatch(/^Audit passed: \d+ pages, \d+ links, 1 article, 1 column; 0 failures, 0 warnings$/);
  });

  it('prints a JSON report for CI, listing external links unchecked', async () => {
    site = makeSite({ 'content/news/a.md': article({ title: '动态', date: '2024-01-08', column: 'news' }, '正文。') }, config);
    expect(await main(['build'], captureIo(site.root))).toBe(0);
    const io = captureIo(site.root);
    expect(await main(['audit', '--format', 'json'], io)).toBe(0);
    const report = JSON.parse(io.stdout.join('\n')) as { ok: boolean; diagnostics: unknown[]; external: { url: string }[]; externalResults?: unknown };
    expect(report.ok).toBe(true);
    expect(report.diagnostics).toEqual([]);
    expect(report.external.map((l) => l.url)).toContain('https://beian.miit.gov.cn/');
    expect(report.externalResults).toBeUndefined();
  });

  it('runs with --strict and fails a site without footer identification', async () => {
    site = makeSite({ 'content/news/a.md': article({ title: '动态', date: '2024-01-08', column: 'news' }, '正文。') }, siteConfig({ columns: [{ key: 'news', name: '工作动态' }] }));
    const io = captureIo(site.root);
    expect(await main(['build', '--strict'], io)).toBe(1);
    expect(io.stdout.join('\n')).toContain('error: footer.contact (联系方式) is not set: every page footer must show it [audit/footer-missing]');
  });
});
