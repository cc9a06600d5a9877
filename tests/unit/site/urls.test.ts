import { describe, expect, it } from 'vitest';
import { urlToHref, urlToOutputPath } from '../../../src/site/urls.js';

describe('urlToOutputPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/a/b/', 'a/b/index.html'],
    ['/feed.xml', 'feed.xml'],
    ['/tags/经济/', 'tags/经济/index.html'],
    ['/assets/site.css', 'assets/site.css'],
  ])('%s -> %s', (url, path) => {
    expect(urlToOutputPath(url)).toBe(path);
  });

  it.each(['a/b/', '/a/../../etc/', '/./x'])('refuses %s', (url) => {
    expect(() => urlToOutputPath(url)).toThrow(/^Internal error/);
  });
});

describe('urlToHref', () => {
  it.each([
    ['/tags/经济/', '/tags/%E7%BB%8F%E6%B5%8E/'],
    ['/tags/C#/', '/tags/C%23/'],
    ['/2023/12/budget/', '/2023/12/budget/'],
  ])('%s -> %s', (url, href) => {
    expect(urlToHref(url)).toBe(href);
  });
});
