import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleJob } from '../../../src/build/article-job.js';
import { articlePageWriter } from '../../../src/build/article-page-writer.js';
import { BodyStore } from '../../../src/build/body-store.js';
import type { Article } from '../../../src/content/types.js';
import { articlePageContext, renderArticlePage } from '../../../src/render/article-page.js';
import { createRenderer } from '../../../src/render/environment.js';
import { mirrorPage, mirrorSettings } from '../../../src/render/mirror.js';
import type { Page } from '../../../src/render/page.js';
import { siteView } from '../../../src/render/site-view.js';
import { defaultThemeDir } from '../../../src/render/theme-dir.js';
import type { SiteModel } from '../../../src/site/types.js';
import { makeArticle, makeSiteModel } from '../../helpers/fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-page-writer-'));
  dirs.push(dir);
  return dir;
}

function themeWith(templates: Record<string, string>): string[] {
  const dir = tempDir();
  for (const [name, text] of Object.entries(templates)) writeFileSync(path.join(dir, name), text);
  return [dir, defaultThemeDir()];
}

// The articles as a large build has them: bodies in the store, read back only when asked for.
function storedModel(bodies: readonly string[], config: Parameters<typeof makeSiteModel>[1] = {}): SiteModel {
  const store = BodyStore.open();
  const outcomes = bodies.map((html, i) => {
    const article = makeArticle({ slug: `a${i}`, html, text: html.replace(/<[^>]+>/g, '') });
    return { path: article.sourcePath, article, repairs: [], diagnostics: [] };
  });
  const articles = store.spill(outcomes).map((o) => o.article as Article);
  return makeSiteModel(articles, config);
}

// What a render thread writes for each article, beside what one thread renders for it.
function writtenAndRendered(model: SiteModel, themeDirs: string[]): { written: Buffer; rendered: Buffer }[] {
  const staging = tempDir();
  const mirror = mirrorSettings(model.config);
  const writePage = articlePageWriter({ renderer: { themeDirs }, site: siteView(model), staging, ...(mirror && { mirror }) });
  const renderer = createRenderer({ themeDirs });
  return model.articles.map((article) => {
    const page = renderArticlePage(article, model, renderer);
    mkdirSync(path.dirname(path.join(staging, page.outputPath)), { recursive: true });
    // Through structured cloning, as the job reaches the thread.
    writePage(structuredClone(articleJob(article.url, article.sourcePath, articlePageContext(article, model), { page: true, copy: true })));
    const copy = mirror && mirrorPage(page, mirror);
    if (copy) expect(readFileSync(path.join(staging, copy.outputPath), 'utf8')).toBe(copy.contents);
    return { written: readFileSync(path.join(staging, page.outputPath)), rendered: Buffer.from(page.contents as string) };
  });
}

const bodies = [
  '<p>历下区召开会议。</p>\n<h2 id="s1">一、成绩</h2>\n<p>𠮷野家 &amp; “引号” <a href="https://example.cn/?a=1&amp;b=2">原文</a></p>\n',
  '',
  `<p>${'长文'.repeat(60000)}</p>\n`,
  '<p>短文。</p>',
];

describe('articlePageWriter', () => {
  it.each([
    ['the default theme (the body copied from the store as bytes)', {}],
    ['a theme printing the body twice', { 'article.njk': '{% extends "base.njk" %}{% block main %}{{ article.html | safe }}<hr>{{ article.html | safe }}{% endblock %}' }],
    ['a theme printing the body escaped (rendered as text)', { 'article.njk': '<pre>{{ article.html }}</pre>{{ next.html | safe }}' }],
    ['a theme printing it through a filter (rendered as text)', { 'article.njk': '{{ article.html | safe | replace("<p>", "<p class=x>") }}' }],
  ])('writes the bytes one thread renders, with %s', (_, templates) => {
    const pages = writtenAndRendered(storedModel(bodies, { mirror: false }), themeWith(templates));
    expect(pages).toHaveLength(bodies.length);
    for (const { written, rendered } of pages) expect(written.equals(rendered)).toBe(true);
    expect(pages.some(({ written }) => written.includes('𠮷野家'))).toBe(true);
  });

  it('writes each page and its copy in the other script, converted from the whole page', () => {
    const pages = writtenAndRendered(storedModel(bodies.slice(0, 1)), themeWith({}));
    expect(pages[0]?.written.equals(pages[0].rendered)).toBe(true);
  });

  it('renders a page whose path another page claimed, and writes nothing for it', () => {
    const model = storedModel(bodies.slice(0, 1), { mirror: false });
    const staging = tempDir();
    const article = model.articles[0] as Article;
    articlePageWriter({ renderer: { themeDirs: [defaultThemeDir()] }, site: siteView(model), staging })(
      structuredClone(articleJob(article.url, article.sourcePath, articlePageContext(article, model), { page: false, copy: false })),
    );
    expect(existsSync(path.join(staging, article.url))).toBe(false);
  });

  it.each([
    ['with the Traditional mirror', {}, 2],
    ['without a mirror (a theme printing the body verbatim)', { mirror: false as const }, 1],
  ])('hands each page (and copy), as text, to a sink %s, writing nothing itself', (_, config, count) => {
    const model = storedModel(bodies.slice(0, 1), config);
    const article = model.articles[0] as Article;
    const staging = tempDir();
    const themeDirs = [defaultThemeDir()];
    const mirror = mirrorSettings(model.config);
    const handed: Page[] = [];
    const renderer = createRenderer({ themeDirs });
    const writePage = articlePageWriter({ renderer: { themeDirs }, site: siteView(model), staging, ...(mirror && { mirror }) }, renderer, (page) => handed.push(page));
    writePage(articleJob(article.url, article.sourcePath, articlePageContext(article, model), { page: true, copy: true }));
    const page = renderArticlePage(article, model, renderer);
    expect(handed.map((p) => [p.outputPath, p.contents])).toEqual([[page.outputPath, page.contents], ...(mirror ? [[`zh-hant/${page.outputPath}`, mirrorPage(page, mirror)?.contents]] : [])]);
    expect(handed).toHaveLength(count);
    expect(handed[0]?.contents).toContain('历下区召开会议');
    expect(readdirSync(staging)).toEqual([]);
  });
});

