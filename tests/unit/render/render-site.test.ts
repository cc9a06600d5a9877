import { describe, expect, it } from 'vitest';
import { createRenderer } from '../../../src/render/environment.js';
import { defaultThemeDir } from '../../../src/render/theme-dir.js';
import { dailyModel, makeSiteModel } from '../../helpers/fixtures.js';
import { parsePage, textOf } from '../../helpers/html.js';
import { renderIndexPages } from '../../../src/render/listing-pages.js';
import { renderSite } from '../../../src/render/render-site.js';

const renderer = createRenderer({ themeDirs: [defaultThemeDir()], strict: true });
const model = dailyModel();

describe('renderSite', () => {
  it('yields every article, listing and asset page once, with distinct output paths', () => {
    const pages = [...renderSite(model, renderer)];
    const paths = pages.map((p) => p.outputPath);
    expect(new Set(paths).size).toBe(paths.length);
    expect(pages.filter((p) => /^\/2023\/1[12]\/a\d+\/$/.test(p.url))).toHaveLength(25);
    expect(paths).toEqual(expect.arrayContaining(['index.html', 'archive/index.html', 'assets/site.css', 'assets/site.js', 'search/index.html']));
    // Outputs: RSS, Atom and JSON Feed for the site and each column; sitemap, news sitemap, robots.txt.
    expect(paths).toEqual(expect.arrayContaining(['feed.xml', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt']));
    // articles, home pages, listings, archive, tags, the search page, five assets (site.css, site.js, search.js,
    // search-core.js, search-fold.js),
    // three feeds for the site and for each column, sitemap.xml, news-sitemap.xml and robots.txt
    expect(pages).toHaveLength(25 + 3 + 4 + 1 + 8 + 1 + 5 + 3 * (1 + model.columns.length) + 3);
  });

  it('shows the friendly links and only the configured footer fields, with the registry links', () => {
    const site = makeSiteModel([], {
      friendlyLinks: [
        { name: '中国政府网', url: 'https://www.gov.cn/' },
        { group: '市直部门', links: [{ name: '济南市人民政府', url: 'https://www.jinan.gov.cn/' }] },
      ],
      footer: { sponsor: '济南市历下区人民政府', icp: '鲁ICP备05001234号', publicSecurity: '鲁公网安备 ３７０１０２０２０００１２３号', siteCode: '3701020001' },
    });
    const $ = parsePage([...renderIndexPages(site, renderer)][0]!);
    expect($('.friendly-links a').map((_, a) => [[$(a).text(), $(a).attr('href'), $(a).attr('rel')]]).get()).toEqual([
      ['中国政府网', 'https://www.gov.cn/', 'noopener'],
      ['济南市人民政府', 'https://www.jinan.gov.cn/', 'noopener'],
    ]);
    expect(textOf($, '.friendly-links__group h3')).toBe('市直部门');
    expect($('.site-info__item').map((_, li) => $(li).text()).get()).toEqual([
      '主办单位：济南市历下区人民政府',
      'ICP备案号：鲁ICP备05001234号',
      '公安备案号：鲁公网安备 ３７０１０２０２０００１２３号',
      '网站标识码：3701020001',
    ]);
    expect($('.site-info a').map((_, a) => $(a).attr('href')).get()).toEqual([
      'https://beian.miit.gov.cn/',
      'https://beian.mps.gov.cn/#/query/webSearch?code=37010202000123',
    ]);
  });
});
