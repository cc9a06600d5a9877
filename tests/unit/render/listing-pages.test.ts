import { describe, expect, it } from 'vitest';
import { createRenderer } from '../../../src/render/environment.js';
import { defaultThemeDir } from '../../../src/render/theme-dir.js';
import { dailyModel, makeSiteModel } from '../../helpers/fixtures.js';
import { parsePage, textOf } from '../../helpers/html.js';
import { renderColumnPages, renderIndexPages, renderTagPages } from '../../../src/render/listing-pages.js';

const renderer = createRenderer({ themeDirs: [defaultThemeDir()], strict: true });
const model = dailyModel();

describe('renderIndexPages', () => {
  const pages = [...renderIndexPages(model, renderer)];

  it('splits the articles into pages of pageSize at /, /page/2/, /page/3/', () => {
    expect(pages.map((p) => [p.url, p.outputPath])).toEqual([
      ['/', 'index.html'],
      ['/page/2/', 'page/2/index.html'],
      ['/page/3/', 'page/3/index.html'],
    ]);
    expect(pages.map((p) => parsePage(p)('.article-list__item').length)).toEqual([10, 10, 5]);
  });

  it('lists the newest first, with title link, YYYY-MM-DD date, source and summary', () => {
    const $ = parsePage(pages[0]!);
    const first = $('.article-list__item').first();
    expect(first.find('.article-list__title').text()).toBe('第25篇');
    expect(first.find('.article-list__title').attr('href')).toBe('/2023/12/a25/');
    expect(first.find('time').text()).toBe('2023-12-14');
    expect(first.find('.article-list__source').text()).toBe('济南日报');
    expect(first.find('.article-list__summary').text()).toBe('摘要25');
  });

  it.each([
    [0, undefined, '/page/2/', '第 1 / 3 页'],
    [1, '/', '/page/3/', '第 2 / 3 页'],
    [2, '/page/2/', undefined, '第 3 / 3 页'],
  ])('page %i has 上一页 %s, 下一页 %s, and says %s, in the pager and the <head>', (i, prev, next, status) => {
    const $ = parsePage(pages[i]!);
    expect($('.pager a[rel="prev"]').attr('href')).toBe(prev);
    expect($('.pager a[rel="prev"]').text()).toBe(prev === undefined ? '' : '上一页');
    expect($('.pager a[rel="next"]').attr('href')).toBe(next);
    expect($('.pager a[rel="next"]').text()).toBe(next === undefined ? '' : '下一页');
    expect(textOf($, '.pager__status')).toBe(status);
    expect($('head link[rel="prev"]').attr('href')).toBe(prev);
    expect($('head link[rel="next"]').attr('href')).toBe(next);
  });

  it('renders one empty page, without a pager, for a site without articles', () => {
    const empty = [...renderIndexPages(makeSiteModel([]), renderer)];
    expect(empty.map((p) => p.url)).toEqual(['/']);
    const $ = parsePage(empty[0]!);
    expect($('.empty').text()).toBe('暂无文章。');
    expect($('.pager')).toHaveLength(0);
  });
});

describe('renderColumnPages and renderTagPages', () => {
  it('gives each column its paginated pages, titled with the column name', () => {
    const pages = [...renderColumnPages(model, renderer)];
    expect(pages.map((p) => p.url)).toEqual(['/columns/news/', '/columns/news/page/2/', '/columns/notice/', '/columns/notice/page/2/']);
    const $ = parsePage(pages[0]!);
    expect($('h1').text()).toBe('区县动态');
    expect(textOf($, '.breadcrumb')).toBe('当前位置：首页 > 区县动态');
    expect($('.article-list__summary').first().text()).toBe('摘要12');
  });

  it('writes tag pages under the tag itself and links them URL-encoded, without summaries', () => {
    const pages = [...renderTagPages(model, renderer)];
    expect(pages.map((p) => [p.url, p.outputPath])).toEqual([['/tags/经济/', 'tags/经济/index.html']]);
    const $ = parsePage(pages[0]!);
    expect($('h1').text()).toBe('标签：经济');
    expect($('.article-list__title').map((_, a) => $(a).text()).get()).toEqual(['第21篇', '第16篇', '第11篇', '第6篇', '第1篇']);
    expect($('.article-list__summary')).toHaveLength(0);
  });
});
