import { afterEach, describe, expect, it } from 'vitest';
import { article, buildInMemory, makeSite, page, siteConfig, type TempSite } from '../helpers/site.js';

let site: TempSite | undefined;
afterEach(() => site?.dispose());

const budget = article(
  {
    title: '市中区召开2024年预算工作会议',
    date: '2024-01-05 09:30',
    source: '济南日报',
    editor: '时金',
    author: '李明',
    column: 'news',
    tags: '[预算, 民生]',
  },
  [
    '会议指出，全区要坚持过紧日子思想，',
    '把有限的资金用在刀刃上。',
    '',
    '## 一、总体要求',
    '',
    '**一、坚持党建引领。**全区各部门要统一思想。',
    '',
    '## 二、重点任务',
    '',
    '抓好民生实事。',
  ].join('\n'),
);

describe('an article page', () => {
  it('shows title, publish date, source, editor and section headings', async () => {
    site = makeSite({ 'content/2024/01/budget.md': budget });
    const { result, writer } = await buildInMemory(site.root);
    expect(result.diagnostics).toEqual([]);
    const $ = page(writer, '2024/01/budget/index.html');
    expect($('h1').text()).toBe('市中区召开2024年预算工作会议');
    expect($('title').text()).toContain('市中区召开2024年预算工作会议');
    expect($('.article-meta').text()).toContain('发布日期：2024年1月5日 09:30');
    expect($('.article-meta time').attr('datetime')).toBe('2024-01-05T09:30:00+08:00');
    expect($('.article-meta').text()).toContain('信息来源：济南日报');
    expect($('.article-editor').text()).toBe('责任编辑：时金');
    expect($('.article-body h2').map((_, h) => $(h).text()).get()).toEqual(['一、总体要求', '二、重点任务']);
  });

  it('joins Chinese lines broken by a soft break without a space, and renders CJK bold', async () => {
    site = makeSite({ 'content/2024/01/budget.md': budget });
    const { writer } = await buildInMemory(site.root);
    const $ = page(writer, '2024/01/budget/index.html');
    const first = $('.article-body p').first().text();
    expect(first).toBe('会议指出，全区要坚持过紧日子思想，把有限的资金用在刀刃上。');
    expect($('.article-body strong').text()).toBe('一、坚持党建引领。');
  });

  it('escapes markup in the title and in front-matter values', async () => {
    site = makeSite({
      'content/2024/01/x.md': article(
        { title: '"<script>alert(1)</script>标题"', date: '2024-01-05', source: '"\\"><svg onload=alert(1)>"' },
        '正文。',
      ),
    });
    const { result, writer } = await buildInMemory(site.root);
    expect(result.ok).toBe(true);
    const html = writer.text('2024/01/x/index.html');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<svg onload');
    const $ = page(writer, '2024/01/x/index.html');
    expect($('h1').text()).toBe('<script>alert(1)</script>标题');
    expect($('script:not([src]):not([type="application/ld+json"])').length).toBe(0);
  });

  it('keeps raw HTML in Markdown as text unless the site turns it on', async () => {
    site = makeSite({ 'content/a.md': article({ title: 'a', date: '2024-01-05' }, '<b onclick="x()">粗体</b>') });
    const { writer } = await buildInMemory(site.root);
    expect(page(writer, '2024/01/a/index.html')('.article-body b').length).toBe(0);
  });
});

describe('the site', () => {
  const many = Object.fromEntries(
    Array.from({ length: 25 }, (_, i) => {
      const day = String(i + 1).padStart(2, '0');
      return [`content/2023/12/a${day}.md`, article({ title: `第${i + 1}条新闻`, date: `2023-12-${day}`, column: 'news' }, '正文。')];
    }),
  );

  it('paginates the index newest first with working page links', async () => {
    site = makeSite(many, siteConfig({ pageSize: 10 }));
    const { writer } = await buildInMemory(site.root);
    const first = page(writer, 'index.html');
    expect(first('main a[href^="/2023/"]').first().text()).toBe('第25条新闻');
    expect(first('link[rel="next"]').attr('href')).toBe('/page/2/');
    const second = page(writer, 'page/2/index.html');
    expect(second('link[rel="prev"]').attr('href')).toBe('/');
    expect(second('link[rel="next"]').attr('href')).toBe('/page/3/');
    expect(page(writer, 'page/3/index.html')('link[rel="next"]').length).toBe(0);
    expect(writer.pages.has('page/4/index.html')).toBe(false);
    expect(page(writer, 'columns/news/page/3/index.html')('main').text()).toContain('第1条新闻');
  });

  it('has the friendly links and footer fields on every page', async () => {
    site = makeSite(many);
    const { writer } = await buildInMemory(site.root);
    for (const path of ['index.html', '2023/12/a01/index.html', 'columns/news/index.html']) {
      const $ = page(writer, path);
      const links = $('.friendly-links a').map((_, a) => `${$(a).text()} ${$(a).attr('href')}`).get();
      expect(links).toEqual(['中国政府网 https://www.gov.cn/', '山东省人民政府 http://www.shandong.gov.cn/']);
      expect($('.friendly-links h3').text()).toBe('省市网站');
      expect($('a[href="https://beian.miit.gov.cn/"]').text()).toBe('鲁ICP备12345678号');
      expect($('footer').text()).toContain('主办单位：测试编辑部');
      expect($('html').attr('lang')).toBe('zh-CN');
    }
  });

  it('leaves out drafts and future articles unless asked', async () => {
    site = makeSite({
      'content/draft.md': article({ title: '草稿', date: '2024-01-01', draft: 'true' }, '正文。'),
      'content/future.md': article({ title: '明天', date: '2030-01-01' }, '正文。'),
      'content/now.md': article({ title: '今天', date: '2024-01-01' }, '正文。'),
    });
    const plain = await buildInMemory(site.root);
    expect(plain.result.stats).toMatchObject({ articles: 1, drafts: 1, future: 1 });
    expect(plain.writer.pages.has('2024/01/draft/index.html')).toBe(false);
    const all = await buildInMemory(site.root, { drafts: true, future: true });
    expect(all.writer.pages.has('2024/01/draft/index.html')).toBe(true);
    expect(all.writer.pages.has('2030/01/future/index.html')).toBe(true);
  });

  it('copies public/ as it is', async () => {
    site = makeSite({ 'public/files/report.pdf': new Uint8Array([37, 80, 68, 70, 1, 2, 3]), 'content/a.md': article({ title: 'a', date: '2024-01-01' }, 'x') });
    const { writer } = await buildInMemory(site.root);
    expect([...(writer.pages.get('files/report.pdf')?.contents as Uint8Array)]).toEqual([37, 80, 68, 70, 1, 2, 3]);
  });

  it('uses the permalink and pagination patterns of the config', async () => {
    site = makeSite(many, siteConfig({ permalink: '/articles/:slug/', paginationPath: '/page/:n/', pageSize: 20 }));
    const { writer } = await buildInMemory(site.root);
    expect(writer.pages.has('articles/a01/index.html')).toBe(true);
    expect(writer.pages.has('page/2/index.html')).toBe(true);
  });

  it('lets a site override a theme template by name', async () => {
    site = makeSite({
      'content/a.md': article({ title: '覆盖测试', date: '2024-01-01' }, 'x'),
      'templates/article.njk': '{% extends "base.njk" %}{% block main %}<h1 class="custom">{{ article.title }}</h1>{% endblock %}',
    });
    const { result, writer } = await buildInMemory(site.root);
    expect(result.diagnostics).toEqual([]);
    expect(page(writer, '2024/01/a/index.html')('h1.custom').text()).toBe('覆盖测试');
    expect(page(writer, 'index.html')('h1.custom').length).toBe(0);
  });
});

describe('errors', () => {
  it('reports every broken file at once and writes nothing', async () => {
    site = makeSite({
      'content/bad-yaml.md': '---\ntitle: 标题\ndate: [2024-01-01\n---\n正文\n',
      'content/no-title.md': '---\ndate: 2024-01-01\n---\n正文\n',
      'content/bad-date.md': '---\ntitle: 日期\ndate: 2024-02-30\n---\n正文\n',
      'content/ok.md': article({ title: '正常', date: '2024-01-01' }, '正文。'),
    });
    const { result, writer } = await buildInMemory(site.root);
    expect(result.ok).toBe(false);
    expect(writer.committed).toBe(false);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      'content/bad-date.md:3:7 front-matter/invalid-date',
      'content/bad-yaml.md:3:18 front-matter/yaml',
      'content/no-title.md:1:1 front-matter/missing-title',
    ]);
  });

  it('names both files when two articles want one URL', async () => {
    site = makeSite({
      'content/a/same.md': article({ title: '一', date: '2024-01-01' }, 'x'),
      'content/b/same.md': article({ title: '二', date: '2024-01-02' }, 'x'),
    });
    const { result } = await buildInMemory(site.root);
    expect(result.diagnostics.map((d) => d.message)).toEqual(['/2024/01/same/ is also the URL of content/a/same.md']);
    expect(result.diagnostics[0]?.file).toBe('content/b/same.md');
  });

  it.each([['../escape'], ['a/b'], ['C:evil'], ['a\\b']])('refuses the slug %j', async (slug) => {
    site = makeSite({ 'content/a.md': article({ title: 'x', date: '2024-01-01', slug: JSON.stringify(slug) }, 'x') });
    const { result } = await buildInMemory(site.root);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ code: 'front-matter/invalid-slug', line: 4 });
  });
});
