import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderArticlePage } from '../../../src/render/article-page.js';
import { createRenderer } from '../../../src/render/environment.js';
import { defaultThemeDir } from '../../../src/render/theme-dir.js';
import { diagnosticOf } from '../../helpers/errors.js';
import { makeArticle, makeSiteModel } from '../../helpers/fixtures.js';
import { parsePage } from '../../helpers/html.js';

let site: string;
beforeEach(() => {
  site = mkdtempSync(path.join(tmpdir(), 'broadsheet-compiled-'));
  mkdirSync(path.join(site, 'templates', 'partials'), { recursive: true });
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

const article = makeArticle({ title: '编译缓存', extra: { subtitle: '副标题' } });
const model = makeSiteModel([article]);
const cacheDir = (): string => path.join(site, '.cache', 'templates');

function renderer(cached: boolean, salt = 'tool-1', strict = false): ReturnType<typeof createRenderer> {
  return createRenderer({
    themeDirs: [path.join(site, 'templates'), defaultThemeDir()],
    strict,
    displayRoot: site,
    ...(cached && { compiled: { dir: cacheDir(), salt } }),
  });
}

function siteTemplate(name: string, text: string): void {
  writeFileSync(path.join(site, 'templates', name), text);
}

const kept = (): Map<string, bigint> => new Map(readdirSync(cacheDir()).map((name) => [name, statSync(path.join(cacheDir(), name), { bigint: true }).mtimeNs]));

describe('compiled templates kept in the cache', () => {
  it('render every page as templates compiled from their text do, and are read back, not written again, by the next renderer', () => {
    siteTemplate('partials/footer.njk', '<p class="custom-footer">{{ site.title }} 页脚</p>');
    const plain = renderArticlePage(article, model, renderer(false)).contents;
    expect(renderArticlePage(article, model, renderer(true)).contents).toBe(plain);
    const first = kept();
    expect(first.size).toBeGreaterThan(10);
    expect(renderArticlePage(article, model, renderer(true)).contents).toBe(plain);
    expect(kept()).toEqual(first);
  });

  it('compile an edited template anew, and drop the code of its old text', () => {
    siteTemplate('partials/footer.njk', '<p class="custom-footer">旧页脚</p>');
    renderer(true);
    const before = kept();
    siteTemplate('partials/footer.njk', '<p class="custom-footer">新页脚</p>');
    const $ = parsePage(renderArticlePage(article, model, renderer(true)));
    expect($('.custom-footer').text()).toBe('新页脚');
    const after = kept();
    expect(after.size).toBe(before.size);
    expect([...after.keys()].filter((name) => !before.has(name))).toHaveLength(1);
  });

  it.each([
    ['another tool (salt)', () => renderer(true, 'tool-2')],
    ['strict mode (another compile option)', () => renderer(true, 'tool-1', true)],
  ])('are compiled again for %s', (_, other) => {
    renderer(true);
    const before = kept();
    other();
    expect([...kept().keys()].some((name) => !before.has(name))).toBe(true);
  });

  it('report a syntax error where the template has it, as without the cache', () => {
    siteTemplate('partials/footer.njk', '<p>\n{% if %}</p>');
    const plain = diagnosticOf(() => renderer(false));
    expect(diagnosticOf(() => renderer(true))).toBe(plain);
    expect(plain).toBe('templates/partials/footer.njk:2:7: error: unexpected token: %} [template/syntax]');
  });

  it('compile again a kept file that is damaged', () => {
    const plain = renderArticlePage(article, model, renderer(false)).contents;
    renderer(true);
    for (const name of readdirSync(cacheDir())) writeFileSync(path.join(cacheDir(), name), 'return {');
    expect(renderArticlePage(article, model, renderer(true)).contents).toBe(plain);
    expect(renderArticlePage(article, model, renderer(true)).contents).toBe(plain);
  });

  it("still reads a template's text to tell whether it prints a value whole", () => {
    siteTemplate('article.njk', '{% extends "base.njk" %}{% block main %}<div>{{ article.html | safe }}</div>{% endblock %}');
    const plain = renderer(false).printsVerbatim('article.njk', 'article', 'html');
    renderer(true);
    expect(renderer(true).printsVerbatim('article.njk', 'article', 'html')).toBe(plain);
    expect(plain).toBe(true);
  });
});
