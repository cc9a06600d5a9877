import { describe, expect, it } from 'vitest';
import { paginate } from '../../../src/site/paginate.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('paginate', () => {
  it.each([
    [0, 20, 1],
    [1, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
    [45, 20, 3],
    [7, 1, 7],
  ])('%i items in pages of %i make %i pages, every item exactly once', (count, size, pages) => {
    const result = paginate(range(count), size, '/', '/page/:n/');
    expect(result).toHaveLength(pages);
    expect(result.flatMap((p) => p.items)).toEqual(range(count));
    expect(result.every((p) => p.totalPages === pages && p.items.length <= size)).toBe(true);
  });

  it.each([
    ['/', '/page/:n/', ['/', '/page/2/', '/page/3/']],
    ['/columns/news/', '/page/:n/', ['/columns/news/', '/columns/news/page/2/', '/columns/news/page/3/']],
    ['/tags/经济/', 'p:n.html', ['/tags/经济/', '/tags/经济/p2.html', '/tags/经济/p3.html']],
  ])('pages of %s with %s are at %j', (base, path, urls) => {
    expect(paginate(range(5), 2, base, path).map((p) => p.url)).toEqual(urls);
  });

  it('links each page to its neighbours, the first and the last page', () => {
    const [first, middle, last] = paginate(range(5), 2, '/columns/news/', '/page/:n/');
    expect(first).toMatchObject({ pageNumber: 1, nextUrl: '/columns/news/page/2/', lastUrl: '/columns/news/page/3/' });
    expect(first).not.toHaveProperty('previousUrl');
    expect(middle).toMatchObject({ previousUrl: '/columns/news/', nextUrl: '/columns/news/page/3/' });
    expect(last).toMatchObject({ pageNumber: 3, previousUrl: '/columns/news/page/2/', firstUrl: '/columns/news/' });
    expect(last).not.toHaveProperty('nextUrl');
  });

  it('gives an empty listing one empty page at the base URL', () => {
    expect(paginate([], 20, '/tags/x/', '/page/:n/')).toEqual([
      { items: [], pageNumber: 1, totalPages: 1, url: '/tags/x/', firstUrl: '/tags/x/', lastUrl: '/tags/x/' },
    ]);
  });

  it.each([0, -1, 1.5])('refuses page size %d as our own bug', (size) => {
    expect(() => paginate([1], size, '/', '/page/:n/')).toThrow(/^Internal error: page size/);
  });

  it('refuses a pagination path without :n', () => {
    expect(() => paginate([1], 1, '/', '/page/')).toThrow(/^Internal error: pagination path "\/page\/" has no :n/);
  });
});
