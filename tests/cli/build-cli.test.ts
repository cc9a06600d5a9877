import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../helpers/io.js';
import { article, makeSite, siteConfig, type TempSite } from '../helpers/site.js';

let site: TempSite | undefined;
afterEach(() => site?.dispose());


describe('broadsheet build', () => {
  it('prints a broken front matter as file:line:column: error, exits 1 and leaves dist/ alone', async () => {
    site = makeSite({
      'content/2024/budget.md': '---\ntitle: 预算\ndate: 2024-01-01\ntags: [民生, 预算\n---\n正文\n',
    });
    const io = captureIo(site.root);
    expect(await main(['build'], io)).toBe(1);
    expect(io.stderr[0]).toBe(
      'content/2024/budget.md:4:14: error: front matter is not valid YAML: unexpected end of the stream within a flow collection [front-matter/yaml]\n' +
        '  note: values with ":" "#" or quotes need quoting, e.g. title: "标题：副标题"',
    );
    expect(io.stderr.at(-1)).toMatch(/^Build failed: 0 articles, 0 pages, 0 warnings, 1 errors in [\d.]+ s; dist\/ left unchanged$/);
    expect(existsSync(path.join(site.root, 'dist'))).toBe(false);
  });

  it('writes dist/ and a summary line', async () => {
    site = makeSite({ 'content/a.md': article({ title: '新闻', date: '2024-01-01' }, '正文。') });
    const io = captureIo(site.root);
    expect(await main(['build'], io)).toBe(0);
    expect(io.stderr.at(-1)).toMatch(/^Built 1 articles, \d+ pages, 0 warnings, 0 errors in [\d.]+ s$/);
    expect(readFileSync(path.join(site.root, 'dist/2024/01/a/index.html'), 'utf8')).toContain('<h1 class="article-title">新闻</h1>');
  });

  it('reports config mistakes at their line with a suggestion', async () => {
    site = makeSite({}, JSON.stringify(siteConfig({ titel: 'x', pageSize: '10' }), null, 2));
    const io = captureIo(site.root);
    expect(await main(['build'], io)).toBe(1);
    const text = io.stderr.join('\n');
    expect(text).toMatch(/^site\.config\.json:\d+:3: error: unknown key "titel"; did you mean "title"\? \[config\/unknown-key\]$/m);
    expect(text).toMatch(/^site\.config\.json:\d+:15: error: "pageSize": Invalid input: expected number, received string \[config\/invalid\]$/m);
  });
});

describe('broadsheet new', () => {
  it('creates an article for the build day with a pinyin slug, which then builds', async () => {
    site = makeSite({});
    const io = captureIo(site.root);
    expect(await main(['new', '市中区召开会议', '--column', '通知公告'], io)).toBe(0);
    expect(io.stdout).toEqual(['Created content/2024/01/shi-zhong-qu-zhao-kai-hui-yi.md']);
    const text = readFileSync(path.join(site.root, 'content/2024/01/shi-zhong-qu-zhao-kai-hui-yi.md'), 'utf8');
    expect(text).toContain('title: "市中区召开会议"\ndate: 2024-01-10 12:00\ncolumn: notices\n');
    expect(await main(['build'], captureIo(site.root))).toBe(0);
  });
});

describe('broadsheet check', () => {
  it('lists each file with its encoding and how it was decided, writing nothing', async () => {
    const gbk = new Uint8Array(Buffer.from('---\ntitle: 通知\ndate: 2024-01-02\n---\n正文。\n', 'utf8'));
    site = makeSite({
      'content/a.md': article({ title: '新闻', date: '2024-01-01' }, '正文。'),
      'content/legacy/b.md': gbk,
    }, siteConfig({ encoding: { 'legacy/**': 'utf-8' } }));
    const io = captureIo(site.root);
    expect(await main(['check', '--encodings'], io)).toBe(0);
    expect(io.stdout.join('\n').split('\n').map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      'content/a.md utf-8 valid UTF-8 1.00',
      'content/legacy/b.md utf-8 declared 1.00',
    ]);
    expect(io.stderr.at(-1)).toBe('Encodings: utf-8 2');
    expect(existsSync(path.join(site.root, 'dist'))).toBe(false);
  });

  it('prints JSON for CI and exits 1 on an error', async () => {
    site = makeSite({ 'content/a.md': '---\ndate: 2024-01-01\n---\n正文\n' });
    const io = captureIo(site.root);
    expect(await main(['check', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.stdout.join('')) as { ok: boolean; diagnostics: { code: string; line: number }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['front-matter/missing-title']);
  });
});

describe('the build report', () => {
  it('lists every repair at its place in the source', async () => {
    site = makeSite({ 'content/a.md': article({ title: '新闻', date: '2024-01-01' }, '市中区(qū)召开会议,部署工作.') });
    const io = captureIo(site.root);
    expect(await main(['build'], io)).toBe(0);
    expect(io.stderr.filter((l) => l.includes(': repaired: '))).toEqual([
      'content/a.md:6:4: repaired: pinyin-annotations "(qū)" -> ""',
      'content/a.md:6:12: repaired: cjk-punctuation "," -> "，"',
    ]);
  });
});

describe('broadsheet check on templates', () => {
  it('compiles the templates and reports a syntax error at its line, writing nothing', async () => {
    site = makeSite({
      'content/a.md': article({ title: '新闻', date: '2024-01-01' }, '正文。'),
      'templates/article.njk': '{% extends "base.njk" %}\n{% block main %}\n{% if article.title %}\n{% endblock %}\n',
    });
    const io = captureIo(site.root);
    expect(await main(['check'], io)).toBe(1);
    expect(io.stderr.find((l) => l.includes('[template/syntax]'))).toMatch(/^templates\/article\.njk:\d+:\d+: error: .*\[template\/syntax\]/);
    expect(existsSync(path.join(site.root, 'dist'))).toBe(false);
  });
});
