import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setArticleIdentity } from '../../../src/build/article-identity.js';
import { pageFingerprinter, themeFingerprint, type ThemeFingerprint } from '../../../src/build/page-fingerprint.js';
import { zonedDate } from '../../../src/content/dates.js';
import type { Article } from '../../../src/content/types.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function theme(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-theme-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('themeFingerprint', () => {
  it.each([
    ['the day of the build time', '{{ site.now | chineseDate }} {{ site.now | weekday }}', true],
    ['the time of day', '{{ site.now | hhmm }}', false],
    ['the build time through another name', '{% set t = site.now %}{{ t | chineseDate }}', false],
    ['everything, dumped', '{{ site.now | chineseDate }}{{ site | dump }}', false],
  ])('knows whether templates print %s only by the day', (_, text, byDay) => {
    expect(themeFingerprint([theme({ 'base.njk': text })], '').nowByDay).toBe(byDay);
  });

  it.each([
    ['counts', '（{{ m.articles.length }}篇）', true],
    ['members', '{% for a in listing.articles %}{{ a.title }}{% endfor %}', false],
  ])('knows whether templates read listings only as %s', (_, text, byCount) => {
    expect(themeFingerprint([theme({ 'archive.njk': text })], '').articlesByCount).toBe(byCount);
  });

  it('changes with any byte of any theme file, and with the salt', () => {
    const a = themeFingerprint([theme({ 'base.njk': '<p>{{ x }}</p>', 'site.css': 'p{}' })], 'tool').hash;
    expect(themeFingerprint([theme({ 'base.njk': '<p>{{ x }}</p>', 'site.css': 'p{}' })], 'tool').hash).toBe(a);
    expect(themeFingerprint([theme({ 'base.njk': '<p>{{ x }}</p>', 'site.css': 'a{}' })], 'tool').hash).not.toBe(a);
    expect(themeFingerprint([theme({ 'base.njk': '<p>{{ x }}</p>', 'site.css': 'p{}' })], 'tool 2').hash).not.toBe(a);
  });
});

describe('pageFingerprinter', () => {
  const byDay: ThemeFingerprint = { hash: 't', nowByDay: true, articlesByCount: true };
  const exact: ThemeFingerprint = { hash: 't', nowByDay: false, articlesByCount: false };
  const noon = zonedDate(Date.UTC(2024, 0, 10, 4, 0, 0), 'Asia/Shanghai');
  const later = zonedDate(Date.UTC(2024, 0, 10, 5, 0, 0), 'Asia/Shanghai');
  const site = { title: '测试新闻网', now: noon };
  const laterSite = { title: '测试新闻网', now: later };
  const known = (id: string): Article => {
    const a = { title: `标题${id}`, url: `/news/${id}/` } as unknown as Article;
    setArticleIdentity(a, id);
    return a;
  };

  it.each([
    ['the template', ['a.njk', { x: 1 }], ['b.njk', { x: 1 }], false],
    ['a value the template sees', ['a.njk', { x: 1 }], ['a.njk', { x: 2 }], false],
    ['an article of another identity', ['a.njk', { article: known('k1') }], ['a.njk', { article: known('k2') }], false],
    ['another object of the same identity', ['a.njk', { article: known('k1') }], ['a.njk', { article: known('k1') }], true],
    ['a Map entry', ['a.njk', { m: new Map([['a', 1]]) }], ['a.njk', { m: new Map([['a', 2]]) }], false],
  ] as const)('tells renders apart by %s', (_, [t1, c1], [t2, c2], same) => {
    const fingerprint = pageFingerprinter(exact, site, noon);
    expect(fingerprint(t1, c1) === fingerprint(t2, c2)).toBe(same);
  });

  it('never gives a render with a function the same fingerprint twice', () => {
    const fingerprint = pageFingerprinter(exact, site, noon);
    const context = { f: () => 1 };
    expect(fingerprint('a.njk', context)).not.toBe(fingerprint('a.njk', context));
  });

  it.each([
    ['by the day', byDay, true],
    ['to the millisecond', exact, false],
  ])('follows the build time %s', (_, themePrint, same) => {
    const page = { site, x: 1 };
    const a = pageFingerprinter(themePrint, site, noon)('a.njk', page);
    const b = pageFingerprinter(themePrint, laterSite, later)('a.njk', { ...page, site: laterSite });
    expect(a === b).toBe(same);
  });

  it.each([
    ['by their count', byDay, true],
    ['by their members', exact, false],
  ])('sees long listings %s', (_, themePrint, same) => {
    const list = (changed: string) => Array.from({ length: 40 }, (_, i) => known(i === 7 ? changed : `m${i}`));
    const fingerprint = pageFingerprinter(themePrint, site, noon);
    expect(fingerprint('a.njk', { listing: { articles: list('m7') } }) === fingerprint('a.njk', { listing: { articles: list('changed') } })).toBe(same);
  });
});
