import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diagnosticOf } from '../../helpers/errors.js';
import { renderArticlePage } from '../../../src/render/article-page.js';
import { createRenderer } from '../../../src/render/environment.js';
import { renderAssetPages } from '../../../src/render/render-site.js';
import { defaultThemeDir } from '../../../src/render/theme-dir.js';
import { makeArticle, makeSiteModel } from '../../helpers/fixtures.js';
import { parsePage } from '../../helpers/html.js';

let site: string;

beforeEach(() => {
  site = mkdtempSync(path.join(tmpdir(), 'broadsheet-render-'));
  mkdirSync(path.join(site, 'templates', 'partials'), { recursive: true });
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

function siteTemplate(name: string, text: string): void {
  writeFileSync(path.join(site, 'templates', name), text);
}

function siteRenderer(strict = false): ReturnType<typeof createRenderer> {
  return createRenderer({ themeDirs: [path.join(site, 'templates'), defaultThemeDir()], strict, displayRoot: site });
}


const article = makeArticle({ title: '覆盖测试', extra: { subtitle: '副标题：<b>加粗</b>' } });
const model = makeSiteModel([article]);

describe('createRenderer', () => {
  it("uses the site's own partial in place of the theme's, and the theme for the rest", () => {
    siteTemplate('partials/footer.njk', '<p class="custom-footer">本站自有页脚 {{ site.title }}</p>');
    const $ = parsePage(renderArticlePage(article, model, siteRenderer()));
    expect($('.custom-footer').text()).toBe('本站自有页脚 历下区人民政府');
    expect($('.site-info')).toHaveLength(0);
    expect($('h1').text()).toBe('覆盖测试');
  });

  it('gives templates the unknown front-matter keys, escaped', () => {
    siteTemplate('article.njk', '{% extends "base.njk" %}{% block main %}<p class="sub">{{ article.extra.subtitle }}</p>{% endblock %}');
    const $ = parsePage(renderArticlePage(article, model, siteRenderer()));
    expect($('.sub').text()).toBe('副标题：<b>加粗</b>');
  });

  it("serves the site's own site.css in place of the theme's, and its extra assets too", () => {
    mkdirSync(path.join(site, 'templates', 'assets'));
    siteTemplate('assets/site.css', 'body { color: red; }');
    siteTemplate('assets/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const assets = [...renderAssetPages(siteRenderer())];
    expect(assets.map((p) => [p.url, p.contentType])).toEqual([
      ['/assets/logo.svg', 'image/svg+xml'],
      ['/assets/search-core.js', 'text/javascript; charset=utf-8'],
      ['/assets/search-fold.js', 'text/javascript; charset=utf-8'],
      ['/assets/search.js', 'text/javascript; charset=utf-8'],
      ['/assets/site.css', 'text/css; charset=utf-8'],
      ['/assets/site.js', 'text/javascript; charset=utf-8'],
    ]);
    expect(Buffer.from(assets[4]?.contents ?? '').toString()).toBe('body { color: red; }');
  });

  it('names the template, line and column of an undefined value in strict mode', () => {
    siteTemplate('partials/header.njk', '<header>\n  <p>{{ site.title }}</p>\n  <p>{{ article.extra.missing }}</p>\n</header>\n');
    expect(diagnosticOf(() => renderArticlePage(article, model, siteRenderer(true)))).toBe(
      'templates/partials/header.njk:3:6: error: the template outputs a value that is not set (strict mode) [template/undefined]\n' +
        '  note: guard the value with {% if ... %}, or give it a default: {{ value | default("") }}',
    );
  });

  it('prints an undefined value as empty outside strict mode', () => {
    siteTemplate('partials/header.njk', '<header><p class="x">[{{ article.extra.missing }}]</p></header>');
    expect(parsePage(renderArticlePage(article, model, siteRenderer(false)))('.x').text()).toBe('[]');
  });

  it('reports a syntax error when the renderer is created, at the file, line and column', () => {
    siteTemplate('article.njk', '{% extends "base.njk" %}\n{% block main %}\n<h1>{{ article.title }</h1>\n{% endblock %}\n');
    expect(diagnosticOf(() => siteRenderer())).toMatch(/^templates\/article\.njk:3:\d+: error: .+ \[template\/syntax\]$/);
  });

  it('reports a filter used on something that is not a date at its enclosing block, and says so', () => {
    siteTemplate('article.njk', '{% extends "base.njk" %}\n{% block main %}\n{{ article.title | ymd }}\n{% endblock %}\n');
    expect(diagnosticOf(() => renderArticlePage(article, model, siteRenderer()))).toBe(
      'templates/article.njk:2:4: error: the ymd filter needs a date (such as article.date), got "覆盖测试" [template/render]\n' +
        '  note: nunjucks reports this at the start of the enclosing block or call: the problem is at or after this position',
    );
  });

  it('compiles each template once: editing a file after creating the renderer changes nothing', () => {
    siteTemplate('partials/footer.njk', '<p class="v">第一版</p>');
    const renderer = siteRenderer();
    siteTemplate('partials/footer.njk', '<p class="v">第二版</p>');
    expect(parsePage(renderArticlePage(article, model, renderer))('.v').text()).toBe('第一版');
  });
});
