import { afterEach, describe, expect, it } from 'vitest';
import { article, buildInMemory, makeSite, page, siteConfig, type TempSite } from '../helpers/site.js';

const files = {
  'content/2024/01/a.md': article({ title: '市中区扎实开展主题教育', date: '2024-01-05', column: 'news' }, '第二批主题教育开展以来，市中区深入调查研究。'),
  'content/2024/01/b.md': article({ title: '冬季供暖检查通知', date: '2024-01-06', column: 'notices' }, '各街道办事处：请做好供暖检查。'),
};

let site: TempSite | undefined;
afterEach(() => site?.dispose());

describe('a build with search and the Traditional mirror (the defaults)', () => {
  it('indexes the articles of both scripts with Pagefind and writes the index into the output', async () => {
    site = makeSite(files);
    const { result, writer } = await buildInMemory(site.root);
    expect(result.ok).toBe(true);
    const entry = JSON.parse(writer.text('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]))).toEqual({ 'zh-cn': 2, 'zh-hant': 2 });
    expect(writer.pages.has('pagefind/pagefind.js')).toBe(true);
    expect(page(writer, 'search/index.html')('script[src="/assets/search.js"]').length).toBe(1);
  });

  it('writes every HTML page again under /zh-hant/, and nothing else', async () => {
    site = makeSite(files);
    const { writer } = await buildInMemory(site.root);
    const paths = [...writer.pages.keys()];
    const html = paths.filter((p) => p.endsWith('.html') && !p.startsWith('zh-hant/'));
    expect(paths.filter((p) => p.startsWith('zh-hant/')).sort()).toEqual(html.map((p) => `zh-hant/${p}`).sort());
    expect(page(writer, 'zh-hant/2024/01/b/index.html')('h1').text()).toBe('冬季供暖檢查通知');
  });

  it('builds neither when the config turns them off', async () => {
    site = makeSite(files, siteConfig({ search: false, mirror: false }));
    const { result, writer } = await buildInMemory(site.root);
    expect(result.ok).toBe(true);
    expect([...writer.pages.keys()].filter((p) => /^(zh-hant|pagefind|search)\//.test(p))).toEqual([]);
    expect(page(writer, 'index.html')('[data-script-switch], link[hreflang], form[role="search"]').length).toBe(0);
  });
});
