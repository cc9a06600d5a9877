import { describe, expect, it } from 'vitest';
import { checkArticleDates, keyPositionIn } from '../../../src/audit/dates.js';
import { checkDateChanges, parseManifest, sameManifest, updateManifest, type DatesManifest } from '../../../src/audit/manifest.js';
import { zonedDate } from '../../../src/content/dates.js';
import type { Article } from '../../../src/content/types.js';

const zone = 'Asia/Shanghai';
const at = (iso: string) => zonedDate(Date.parse(iso), zone);
const art = (sourcePath: string, date: string, updated?: string): Article => ({
  sourcePath, format: 'markdown', slug: 'a', url: '/a/', title: '标题', date: at(date), ...(updated && { updated: at(updated) }),
  tags: [], summary: '', draft: false, html: '', text: '', sections: [], charCount: 0, readingMinutes: 1, extra: {},
});
const now = at('2024-01-10T12:00:00+08:00');

describe('dates manifest', () => {
  it('keeps the first date of each source across builds and drops removed sources', () => {
    const first = updateManifest(undefined, [art('content/a.md', '2024-01-05T00:00:00+08:00'), art('content/b.md', '2024-01-06T00:00:00+08:00')]);
    const second = updateManifest(first, [art('content/a.md', '2023-12-01T00:00:00+08:00')]);
    expect(second).toEqual({ version: 1, sources: { 'content/a.md': { firstDate: '2024-01-05', date: '2023-12-01' } } });
    expect(parseManifest(JSON.stringify(second))).toEqual(second);
  });

  it.each([
    ['no manifest (first build)', undefined, '2023-12-01', []],
    ['an unchanged date', '2024-01-05', '2024-01-05', []],
    ['a time added on the same day', '2024-01-05', '2024-01-05T09:30:00', []],
    ['back-dating', '2024-01-05', '2023-12-01', ['error audit/back-dated 3:1 date changed from 2024-01-05 (when first built) to 2023-12-01: back-dating an article fails the inspection']],
    ['a later date', '2024-01-05', '2024-01-08', ['warning audit/date-changed 3:1 date changed from 2024-01-05 (when first built) to 2024-01-08']],
  ])('%s', (_, firstDate, date, expected) => {
    const manifest = firstDate === undefined ? undefined : { version: 1 as const, sources: { 'content/a.md': { firstDate, date: firstDate } } };
    const found = checkDateChanges(manifest, [art('content/a.md', `${date.length === 10 ? `${date}T00:00:00` : date}+08:00`)], () => ({ line: 3, column: 1 }));
    expect(found.map((d) => `${d.severity} ${d.code} ${d.line}:${d.column} ${d.message}`)).toEqual(expected);
  });

  const two = { 'content/a.md': { firstDate: '2024-01-05', date: '2024-01-05' }, 'content/b.md': { firstDate: '2024-01-06', date: '2024-01-07' } };
  it.each<[string, DatesManifest['sources'], boolean]>([
    ['the same sources and dates', { ...two }, true],
    ['a date changed', { ...two, 'content/b.md': { firstDate: '2024-01-06', date: '2024-01-08' } }, false],
    ['a first date changed', { ...two, 'content/a.md': { firstDate: '2024-01-04', date: '2024-01-05' } }, false],
    ['a source added', { ...two, 'content/c.md': { firstDate: '2024-01-09', date: '2024-01-09' } }, false],
    ['a source removed', { 'content/a.md': two['content/a.md'] }, false],
    ['the same entries in another order (an older file)', { 'content/b.md': two['content/b.md'], 'content/a.md': two['content/a.md'] }, false],
  ])('sameManifest: %s -> %s (the manifest is rewritten only when false)', (_, sources, same) => {
    // The manifest a build of these two articles makes, as the previous build wrote it.
    const previous = updateManifest({ version: 1, sources: two }, [art('content/b.md', '2024-01-07T00:00:00+08:00'), art('content/a.md', '2024-01-05T00:00:00+08:00')]);
    expect(sameManifest({ version: 1, sources }, previous)).toBe(same);
    // The same answer as comparing the files' text, which it replaces.
    expect(JSON.stringify({ version: 1, sources }) === JSON.stringify(previous)).toBe(same);
  });

  it.each([['not json'], ['{"version":2,"sources":{}}'], ['null']])('refuses %j as a manifest', (text) => {
    expect(parseManifest(text)).toBeUndefined();
  });
});

describe('checkArticleDates', () => {
  const source = '---\ntitle: 标题\ndate: 2024-01-05\nupdated: 2024-01-01\n---\n';
  it.each([
    ['a plain published article', art('content/a.md', '2024-01-05T00:00:00+08:00'), []],
    ['updated after date', art('content/a.md', '2024-01-05T00:00:00+08:00', '2024-01-06T00:00:00+08:00'), []],
    ['updated before date', art('content/a.md', '2024-01-05T00:00:00+08:00', '2024-01-01T00:00:00+08:00'), ['audit/updated-before-date 4:1']],
    ['a date after the build time', art('content/a.md', '2024-02-01T00:00:00+08:00'), ['audit/future-date 3:1']],
  ])('%s', (_, article, expected) => {
    expect(checkArticleDates(article, now, source).map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(expected);
  });

  it('points at line 1 when the source has no such key (a legacy export)', () => {
    expect(keyPositionIn('发布日期：2024-01-05\n', 'date')).toEqual({ line: 1, column: 1 });
  });
});
