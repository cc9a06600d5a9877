import { afterEach, describe, expect, it } from 'vitest';
import { auditSite, type AuditReport } from '../../src/audit/index.js';
import { writeManifest } from '../../src/audit/manifest-store.js';
import { build } from '../../src/build/build.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { article, fixedNow, makeSite, siteConfig, type TempSite } from '../helpers/site.js';

const footer = {
  sponsor: '测试区人民政府办公室',
  contact: '0531-12345678',
  siteCode: '3701030001',
  icp: '鲁ICP备12345678号',
  publicSecurity: '鲁公网安备 37010202000001号',
};
const goodConfig = (overrides: Record<string, unknown> = {}) => siteConfig({ footer, ...overrides });
const goodFiles: Record<string, string | Uint8Array> = {
  'content/news/a.md': article({ title: '工作动态一', date: '2024-01-05', column: 'news' }, '正文见[通知](/2024/01/b/)和[附件](/files/通知.pdf)。'),
  'content/notices/b.md': article({ title: '通知一', date: '2024-01-02', column: 'notices' }, '截至目前，工作按期推进。'),
  'public/files/通知.pdf': '%PDF-1.4 附件',
  'audit/words.txt': '截止目前→截至目前\n',
};

let site: TempSite | undefined;
afterEach(() => site?.dispose());

async function buildAndAudit(files: Record<string, string | Uint8Array>, config: unknown = goodConfig(), options: { future?: boolean } = {}): Promise<AuditReport> {
  site = makeSite(files, config);
  const result = await build({ root: site.root, now: fixedNow, future: options.future ?? false });
  expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  return auditSite({ root: site.root, model: result.model! });
}

const findings = (report: AuditReport) => report.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}:${d.column}`);

describe('site audit on a fixture site', () => {
  it('passes a site that meets every indicator', async () => {
    const report = await buildAndAudit(goodFiles);
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.stats.articles).toBe(2);
    expect(report.external.map((l) => l.url)).toContain('https://www.gov.cn/');
  });

  it('fails a malformed footer field in the config, at its line', async () => {
    const report = await buildAndAudit(goodFiles, goodConfig({ footer: { ...footer, icp: '鲁ICP 12345678' } }));
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^site\.config\.json:\d+:\d+: error: footer\.icp \(ICP备案号\) "鲁ICP 12345678" does not have the form the registry issues \[audit\/footer-malformed\]\n  note: write it like "icp": "鲁ICP备12345678号"/),
    ]);
    expect(report.ok).toBe(false);
  });

  it('fails pages whose footer template leaves out the registrations', async () => {
    const report = await buildAndAudit({ ...goodFiles, 'templates/partials/footer.njk': '<p>主办单位：测试区人民政府办公室 联系方式：0531-12345678 网站标识码：3701030001 鲁ICP备12345678号</p>\n' });
    expect(report.diagnostics.map((d) => `${d.code} ${d.message.replace(/^\d+ pages/, 'N pages')}`)).toEqual([
      'audit/footer-absent N pages do not show ICP备案号 (footer.icp) linked to https://beian.miit.gov.cn/ in the footer',
      'audit/footer-absent N pages do not show 公安备案号 (footer.publicSecurity) linked to https://beian.mps.gov.cn/ with its record code in the footer',
    ]);
  });

  it('warns about one empty column and fails five', async () => {
    const one = await buildAndAudit(goodFiles, goodConfig({ columns: [{ key: 'news', name: '工作动态' }, { key: 'notices', name: '通知公告', kind: 'notice' }, { key: 'jobs', name: '人事信息' }] }));
    expect(findings(one)).toEqual([expect.stringMatching(/^warning audit\/empty-column site\.config\.json:\d+:\d+$/)]);
    site?.dispose();
    const empties = ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, name: `栏目${key}` }));
    const five = await buildAndAudit(goodFiles, goodConfig({ columns: [{ key: 'news', name: '工作动态' }, { key: 'notices', name: '通知公告', kind: 'notice' }, ...empties] }));
    expect(five.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual(empties.map((c) => `error column "${c.key}" (${c.name}) has no articles`));
    expect(five.ok).toBe(false);
  });

  it('warns about a stale news column, honouring updateIntervalDays', async () => {
    const files = { ...goodFiles, 'content/news/a.md': article({ title: '旧闻', date: '2023-12-01', column: 'news' }, '正文。') };
    const stale = await buildAndAudit(files);
    expect(stale.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual([
      'warning audit/stale-column column "news" (工作动态) was last updated 40 days ago (2023-12-01); it must be updated every 14 days',
    ]);
    expect(stale.ok).toBe(true);
    site?.dispose();
    const relaxed = await buildAndAudit(files, goodConfig({ columns: [{ key: 'news', name: '工作动态', updateIntervalDays: 60 }, { key: 'notices', name: '通知公告', kind: 'notice' }] }));
    expect(relaxed.diagnostics).toEqual([]);
  });

  it('fails a broken internal link at its place in the page', async () => {
    const report = await buildAndAudit({ ...goodFiles, 'content/news/a.md': article({ title: '工作动态一', date: '2024-01-05', column: 'news' }, '见[旧文](/2023/01/gone/)。') });
    const broken = report.diagnostics.filter((d) => d.code === 'audit/broken-link');
    expect(broken.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^dist\/2024\/01\/a\/index\.html:\d+:\d+: error: link "\/2023\/01\/gone\/" points to no file in dist\/ \[audit\/broken-link\]/),
    ]);
  });

  it('fails a missing and an empty attachment', async () => {
    const report = await buildAndAudit({
      ...goodFiles,
      'public/files/空.xlsx': '',
      'content/news/a.md': article({ title: '工作动态一', date: '2024-01-05', column: 'news' }, '[表格](/files/空.xlsx)和[文件](/files/missing.docx)'),
    });
    expect(report.diagnostics.map((d) => `${d.code} ${d.file} ${d.message}`)).toEqual([
      'audit/attachment-empty dist/2024/01/a/index.html attachment "/files/%E7%A9%BA.xlsx" is an empty file',
      'audit/attachment-missing dist/2024/01/a/index.html attachment "/files/missing.docx" is not in dist/: readers cannot download it',
    ]);
  });

  it('fails updated-before-date and a published future date at the key line', async () => {
    const report = await buildAndAudit({
      ...goodFiles,
      'content/news/c.md': article({ title: '修订', date: '2024-01-06', updated: '2024-01-03', column: 'news' }, '正文。'),
      'content/news/d.md': article({ title: '未来', date: '2024-03-01', column: 'news' }, '正文。'),
    }, goodConfig(), { future: true });
    expect(findings(report)).toEqual(['error audit/updated-before-date content/news/c.md:4:1', 'error audit/future-date content/news/d.md:3:1']);
  });

  it('fails a source whose date moved earlier since the first build', async () => {
    site = makeSite(goodFiles, goodConfig());
    await writeManifest(site.root, { version: 1, sources: { 'content/news/a.md': { firstDate: '2024-01-08', date: '2024-01-08' } } });
    const result = await build({ root: site.root, now: fixedNow });
    const report = await auditSite({ root: site.root, model: result.model! });
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([
      'content/news/a.md:3:1: error: date changed from 2024-01-08 (when first built) to 2024-01-05: back-dating an article fails the inspection [audit/back-dated]\n' +
        '  note: restore "date: 2024-01-08" and put the revision time in "updated"',
    ]);
  });

  it('reports a listed word at its line and column in the source file', async () => {
    const report = await buildAndAudit({ ...goodFiles, 'content/notices/b.md': article({ title: '通知一', date: '2024-01-02', column: 'notices' }, '截止目前，工作按期推进。') });
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([
      'content/notices/b.md:7:1: error: "截止目前" should be "截至目前" [audit/word]\n  note: listed in audit/words.txt',
    ]);
  });

  it('refuses to audit when there is no built site', async () => {
    site = makeSite(goodFiles, goodConfig());
    const result = await build({ root: site.root, now: fixedNow, outDir: 'elsewhere' });
    const report = await auditSite({ root: site.root, model: result.model! });
    expect(report.diagnostics.map(formatDiagnostic)).toEqual(['dist:1:1: error: there is no built site to audit [audit/no-site]\n  note: run `broadsheet build` first']);
  });
});
