import { describe, expect, it } from 'vitest';
import { createRenderer } from '../../../src/render/environment.js';
import { defaultThemeDir } from '../../../src/render/theme-dir.js';
import { dailyModel } from '../../helpers/fixtures.js';
import { parsePage, textOf } from '../../helpers/html.js';
import { renderArchivePages } from '../../../src/render/archive-pages.js';

const renderer = createRenderer({ themeDirs: [defaultThemeDir()], strict: true });
const model = dailyModel();

describe('renderArchivePages', () => {
  const pages = [...renderArchivePages(model, renderer)];

  it('renders the archive index, each year and each month, paginated', () => {
    expect(pages.map((p) => p.url)).toEqual([
      '/archive/',
      '/archive/2023/',
      '/archive/2023/page/2/',
      '/archive/2023/page/3/',
      '/archive/2023/12/',
      '/archive/2023/12/page/2/',
      '/archive/2023/11/',
      '/archive/2023/11/page/2/',
    ]);
  });

  it('links every year and month from /archive/ with their counts', () => {
    const $ = parsePage(pages[0]!);
    expect($('.archive-years a').map((_, a) => `${$(a).text()} ${$(a).attr('href')}`).get()).toEqual([
      '2023年 /archive/2023/',
      '2023年12月 /archive/2023/12/',
      '2023年11月 /archive/2023/11/',
    ]);
    expect(textOf($, '.archive-years > li')).toContain('2023年（25篇）');
  });

  it('shows the month page with its breadcrumb and its articles only', () => {
    const $ = parsePage(pages[6]!);
    expect($('h1').text()).toBe('2023年11月');
    expect(textOf($, '.breadcrumb')).toBe('当前位置：首页 > 归档 > 2023年 > 2023年11月');
    expect($('.article-list__item time').map((_, t) => $(t).text()).get()).toEqual(
      ['2023-11-30', '2023-11-29', '2023-11-28', '2023-11-27', '2023-11-26', '2023-11-25', '2023-11-24', '2023-11-23', '2023-11-22', '2023-11-21'],
    );
  });
});
