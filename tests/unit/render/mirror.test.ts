import { describe, expect, it } from 'vitest';
import { siteConfigSchema, type SiteConfigInput } from '../../../src/config/schema.js';
import { createRenderer } from '../../../src/render/environment.js';
import { renderArticlePage } from '../../../src/render/article-page.js';
import { mirrorPage, mirrorSettings, swapHref, type MirrorSettings } from '../../../src/render/mirror.js';
import type { Page } from '../../../src/render/page.js';
import { defaultThemeDir } from '../../../src/render/theme-dir.js';
import { makeArticle, makeSiteModel } from '../../helpers/fixtures.js';
import { parsePage } from '../../helpers/html.js';

function config(overrides: Partial<SiteConfigInput>) {
  return siteConfigSchema.parse({ title: '测试', baseUrl: 'https://news.example.gov.cn/', ...overrides });
}

const toHant: MirrorSettings = { script: 'zh-Hant', prefix: '/zh-hant/', language: 'zh-CN', baseUrl: 'https://news.example.gov.cn' };

describe('mirrorSettings', () => {
  it.each<[string, Partial<SiteConfigInput>, string | undefined]>([
    ['a Simplified site gets a Traditional mirror', { language: 'zh-CN', script: 'zh-Hans' }, 'zh-Hant /zh-hant/'],
    ['a site that keeps its script follows its language', { language: 'zh-CN' }, 'zh-Hant /zh-hant/'],
    ['a Traditional site gets a Simplified mirror', { language: 'zh-TW', script: 'zh-Hant' }, 'zh-Hans /zh-hans/'],
    ['a Hong Kong site keeping its script', { language: 'zh-HK' }, 'zh-Hans /zh-hans/'],
    ['an English site has none by default', { language: 'en' }, undefined],
    ['mirror: false turns it off', { language: 'zh-CN', mirror: false }, undefined],
    ['an explicit prefix wins', { language: 'zh-CN', mirror: { script: 'zh-Hant', prefix: '/fanti/' } }, 'zh-Hant /fanti/'],
  ])('%s', (_, overrides, expected) => {
    const settings = mirrorSettings(config(overrides));
    expect(settings && `${settings.script} ${settings.prefix}`).toBe(expected);
  });

  it('refuses a prefix that is not one path segment', () => {
    expect(() => config({ mirror: { script: 'zh-Hant', prefix: 'zh-hant' } })).toThrow(/one path segment/);
  });
});

describe('swapHref', () => {
  it.each([
    ['/', '/zh-hant/'],
    ['/2023/12/budget/', '/zh-hant/2023/12/budget/'],
    ['/tags/%E7%BB%8F%E6%B5%8E/', '/zh-hant/tags/%E7%BB%8F%E6%B5%8E/'],
    ['/search/?q=x', '/zh-hant/search/?q=x'],
    ['/old/page.html', '/zh-hant/old/page.html'],
    ['/zh-hant/2023/12/budget/', '/2023/12/budget/'],
    ['/files/report.pdf', '/files/report.pdf'],
    ['/feed.xml', '/feed.xml'],
    ['//cdn.example.com/x/', '//cdn.example.com/x/'],
  ])('%s -> %s', (href, expected) => {
    expect(swapHref(href, toHant)).toBe(expected);
  });
});

describe('mirrorPage', () => {
  const model = makeSiteModel([makeArticle({ title: '关于开展冬季供暖检查的通知', url: '/2023/12/heating/' })], { language: 'zh-CN', script: 'zh-Hans', baseUrl: 'https://news.example.gov.cn' });
  const renderer = createRenderer({ themeDirs: [defaultThemeDir()], strict: true });
  const original = renderArticlePage(model.articles[0]!, model, renderer);
  const mirrored = mirrorPage(original, toHant)!;
  const $ = parsePage(mirrored);
  const $original = parsePage(original);

  it('writes the copy under the prefix, in Traditional script, with lang set', () => {
    expect([mirrored.url, mirrored.outputPath]).toEqual(['/zh-hant/2023/12/heating/', 'zh-hant/2023/12/heating/index.html']);
    expect($('html').attr('lang')).toBe('zh-Hant');
    expect($('h1').text()).toBe('關於開展冬季供暖檢查的通知');
    expect($('nav.site-nav').attr('aria-label')).toBe('欄目導航');
  });

  it('keeps links inside the mirror and shared files where they are', () => {
    expect($('.site-nav a').first().attr('href')).toBe('/zh-hant/');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://news.example.gov.cn/zh-hant/2023/12/heating/');
    expect($('link[rel="stylesheet"]').attr('href')).toBe('/assets/site.css');
    expect($('form.site-search').attr('action')).toBe('/zh-hant/search/');
  });

  it('links each copy to its counterpart, with the same hreflang alternates on both', () => {
    expect([$original('[data-script-switch]').attr('href'), $original('[data-script-switch]').text()]).toEqual(['/zh-hant/2023/12/heating/', '繁體']);
    expect([$('[data-script-switch]').attr('href'), $('[data-script-switch]').text(), $('[data-script-switch]').attr('lang')]).toEqual(['/2023/12/heating/', '简体', 'zh-CN']);
    const alternates = ($$: typeof $) => $$('link[rel="alternate"][hreflang]').toArray().map((l) => `${l.attribs['hreflang']} ${l.attribs['href']}`);
    expect(alternates($)).toEqual(['zh-CN https://news.example.gov.cn/2023/12/heating/', 'zh-Hant https://news.example.gov.cn/zh-hant/2023/12/heating/']);
    expect(alternates($original)).toEqual(alternates($));
  });

  it('leaves pages other than HTML alone', () => {
    const css: Page = { url: '/assets/site.css', outputPath: 'assets/site.css', contents: 'body{}', contentType: 'text/css; charset=utf-8', origin: 'x' };
    expect(mirrorPage(css, toHant)).toBeUndefined();
  });
});
