import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';
import { article, makeSite, type TempSite } from '../../helpers/site.js';

let site: TempSite | undefined;
afterEach(() => site?.dispose());

const errors: string[] = [];

function io(cwd: string): CliIo {
  errors.length = 0;
  // SOURCE_DATE_EPOCH: 2024-01-10 12:00 in Shanghai, so the build does not depend on the clock.
  return { out: (t) => errors.push(t), err: (t) => errors.push(t), isTty: false, cwd, env: { SOURCE_DATE_EPOCH: String(Date.UTC(2024, 0, 10, 4) / 1000) } };
}

describe('broadsheet build --base-url', () => {
  it.each([
    ['without the flag, baseUrl from the config', [], 'https://news.example.gov.cn'],
    ['with the flag, the preview host', ['--base-url', 'https://pr-42.preview.example.com'], 'https://pr-42.preview.example.com'],
  ])('%s is used in canonical links, feeds, sitemaps and robots.txt', async (_name, flags, host) => {
    site = makeSite({ 'content/2024/01/x.md': article({ title: '预览', date: '2024-01-10 09:00' }, '正文。') });
    expect(await main(['build', ...flags], io(site.root)), errors.join('\n')).toBe(0);
    const read = (p: string): string => readFileSync(path.join(site!.root, 'dist', p), 'utf8');
    expect(load(read('2024/01/x/index.html'))('link[rel="canonical"]').attr('href')).toBe(`${host}/2024/01/x/`);
    expect(read('feed.xml')).toContain(`<link>${host}/2024/01/x/</link>`);
    expect(read('sitemap.xml')).toContain(`<loc>${host}/2024/01/x/</loc>`);
    expect(read('news-sitemap.xml')).toContain(`<loc>${host}/2024/01/x/</loc>`);
    expect(read('robots.txt')).toContain(`Sitemap: ${host}/sitemap.xml`);
  });
});

describe('broadsheet build with nothing to do', () => {
  it('says the output is up to date and writes nothing, not even the dates manifest', async () => {
    const both = (column: string, title: string): string => article({ title, date: '2024-01-09 09:00', column }, '正文。');
    site = makeSite({ 'content/news/a.md': both('news', '新闻'), 'content/notices/b.md': both('notices', '通知') });
    expect(await main(['build'], io(site.root)), errors.join('\n')).toBe(0);
    expect(errors.join('\n')).not.toContain('up to date');
    const dates = path.join(site.root, '.cache/broadsheet/manifest.json');
    const written = statSync(dates, { bigint: true });
    expect(await main(['build'], io(site.root)), errors.join('\n')).toBe(0);
    expect(errors).toContain('dist/ is up to date: no source, template, config or public file changed since it was built');
    expect(errors.some((line) => line.startsWith('Built 2 articles'))).toBe(true);
    expect(statSync(dates, { bigint: true }).mtimeNs).toBe(written.mtimeNs);
    expect(statSync(dates, { bigint: true }).ino).toBe(written.ino);
  });
});
