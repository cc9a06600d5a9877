import { describe, expect, it } from 'vitest';
import { renderArticlePage } from '../../../src/render/article-page.js';
import { createRenderer } from '../../../src/render/environment.js';
import { defaultThemeDir } from '../../../src/render/theme-dir.js';
import { makeArticle, makeSiteModel, shanghaiDate } from '../../helpers/fixtures.js';
import { parsePage, textOf } from '../../helpers/html.js';

const renderer = createRenderer({ themeDirs: [defaultThemeDir()], strict: true });
const columns = [{ key: 'news', name: '区县动态' }];

const budget = makeArticle({
  slug: 'budget',
  title: '历下区2024年财政预算草案公布',
  date: shanghaiDate('2023-12-20T09:30'),
  source: '济南日报',
  author: '李明',
  editor: '王芳',
  column: 'news',
  tags: ['财政', '预算 公开'],
  html: '<p>正文第一段。</p>\n<h2 id="s1">一、收入预算</h2>\n<p>收入。</p>\n<h2 id="s2">二、支出预算</h2>\n<p>支出。</p>',
  sections: [
    { heading: '一、收入预算', id: 's1' },
    { heading: '二、支出预算', id: 's2' },
  ],
});
const older = makeArticle({ slug: 'older', title: '较早的文章', date: shanghaiDate('2023-12-01') });
const newer = makeArticle({ slug: 'newer', title: '较新的文章', date: shanghaiDate('2023-12-25') });
const model = makeSiteModel([budget, older, newer], { columns });
const $ = parsePage(renderArticlePage(budget, model, renderer));

describe('renderArticlePage', () => {
  it('writes the page at the article URL, named after its source', () => {
    const page = renderArticlePage(budget, model, renderer);
    expect(page).toMatchObject({
      url: '/2023/12/budget/',
      outputPath: '2023/12/budget/index.html',
      contentType: 'text/html; charset=utf-8',
      origin: budget.sourcePath,
    });
  });

  it('shows the title in <title> and <h1>, and the language of the site', () => {
    expect($('title').text()).toBe('历下区2024年财政预算草案公布 - 历下区人民政府');
    expect($('h1').text()).toBe('历下区2024年财政预算草案公布');
    expect($('html').attr('lang')).toBe('zh-CN');
  });

  it('shows 发布日期 with the time in a <time> with the ISO date and offset, 信息来源 and 作者', () => {
    expect(textOf($, '.article-meta__date')).toBe('发布日期：2023年12月20日 09:30');
    expect($('.article-meta__date time').attr('datetime')).toBe('2023-12-20T09:30:00+08:00');
    expect(textOf($, '.article-meta__source')).toBe('信息来源：济南日报');
    expect(textOf($, '.article-meta__author')).toBe('作者：李明');
  });

  it('leaves out the time, 作者, 信息来源 and 编辑 when the source gave none', () => {
    const plain = makeArticle({ slug: 'plain', date: shanghaiDate('2023-12-20') });
    const $plain = parsePage(renderArticlePage(plain, makeSiteModel([plain]), renderer));
    expect(textOf($plain, '.article-meta__date')).toBe('发布日期：2023年12月20日');
    expect($plain('.article-meta__author, .article-meta__source, .article-editor')).toHaveLength(0);
    expect(textOf($plain, '.breadcrumb')).toBe('当前位置：首页 > 正文');
  });

  it('shows the body with its section headings, and 责任编辑 at the end', () => {
    expect($('.article-body h2').map((_, h) => $(h).text()).get()).toEqual(['一、收入预算', '二、支出预算']);
    expect($('.article-toc a').map((_, a) => $(a).attr('href')).get()).toEqual(['#s1', '#s2']);
    expect(textOf($, '.article-editor')).toBe('责任编辑：王芳');
  });

  it('shows the breadcrumb 当前位置：首页 > 栏目 > 正文 with the column linked', () => {
    expect(textOf($, '.breadcrumb')).toBe('当前位置：首页 > 区县动态 > 正文');
    expect($('.breadcrumb a').last().attr('href')).toBe('/columns/news/');
  });

  it('links each tag to its tag page, URL-encoded', () => {
    expect($('.article-tags a').map((_, a) => [[$(a).text(), $(a).attr('href')]]).get()).toEqual([
      ['财政', '/tags/%E8%B4%A2%E6%94%BF/'],
      ['预算 公开', '/tags/%E9%A2%84%E7%AE%97%20%E5%85%AC%E5%BC%80/'],
    ]);
  });

  it('links 上一篇 to the older article and 下一篇 to the newer one', () => {
    expect(textOf($, '.article-neighbours__previous')).toBe('上一篇：较早的文章');
    expect($('.article-neighbours__previous a').attr('href')).toBe(older.url);
    expect(textOf($, '.article-neighbours__next')).toBe('下一篇：较新的文章');
    const $newest = parsePage(renderArticlePage(newer, model, renderer));
    expect(textOf($newest, '.article-neighbours__next')).toBe('下一篇：没有了');
  });

  it.each([
    [true, true, 1],
    [true, false, 0],
    [false, true, 0],
  ])('marks 草稿 (drafts included: %s, draft: %s) %i times', (includesDrafts, draft, count) => {
    const article = makeArticle({ draft });
    const page = renderArticlePage(article, makeSiteModel([article], {}, { includesDrafts }), renderer);
    expect(parsePage(page)('.draft-badge:contains("草稿")')).toHaveLength(count);
  });

  it('escapes a <script> in the title and an attribute break-out in the source', () => {
    const hostile = makeArticle({ title: '<script>alert(1)</script>标题', source: '"><svg onload=alert(1)>' });
    const page = renderArticlePage(hostile, makeSiteModel([hostile]), renderer);
    const $h = parsePage(page);
    expect($h('h1').text()).toBe('<script>alert(1)</script>标题');
    expect(textOf($h, '.article-meta__source')).toBe('信息来源："><svg onload=alert(1)>');
    // The JSON-LD block is data, not a script a browser runs; the title inside it stays a string.
    expect($h('script:not([type="application/ld+json"])')).toHaveLength(1);
    expect($h('script:not([type="application/ld+json"])').attr('src')).toBe('/assets/site.js');
    expect(JSON.parse($h('script[type="application/ld+json"]').text()).headline).toBe('<script>alert(1)</script>标题');
    expect($h('svg, [onload]')).toHaveLength(0);
  });

  it('has no inline script or style attribute, and a CSP allowing only same-origin scripts and styles', () => {
    // JSON-LD (`type="application/ld+json"`) is a data block that CSP does not govern.
    expect($('script:not([src]):not([type="application/ld+json"]), style, [style]')).toHaveLength(0);
    const csp = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('has a skip link to main and the header, nav, main and footer landmarks', () => {
    expect($('a.skip-link').attr('href')).toBe('#main');
    expect($('main#main')).toHaveLength(1);
    expect($('body > header, body > nav, body > footer')).toHaveLength(3);
  });

  it("shows the build date with its weekday as the header's date without JS", () => {
    expect(textOf($, '[data-clock]')).toBe('2023年12月21日 星期四');
  });
});
