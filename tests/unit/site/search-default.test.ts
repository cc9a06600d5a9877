import { describe, expect, it } from 'vitest';
import { siteConfigSchema } from '../../../src/config/schema.js';
import { decideSearch } from '../../../src/site/search-default.js';

const config = (extra: Record<string, unknown> = {}) => siteConfigSchema.parse({ title: 't', baseUrl: 'https://a.example', ...extra });

describe('decideSearch', () => {
  it.each([
    [undefined, 10, true],
    [undefined, 100_000, true],
    [true, 100_000, true],
    [false, 10, false],
  ])('search %j with %i articles is %j', (search, count, expected) => {
    expect(decideSearch(config(search === undefined ? {} : { search }), count).search).toBe(expected);
  });
});
