import { describe, expect, it } from 'vitest';
import { siteConfigSchema } from '../../../src/config/schema.js';
import { decideSearch } from '../../../src/site/search-default.js';

const config = (extra: Record<string, unknown> = {}) => siteConfigSchema.parse({ title: 't', baseUrl: 'https://a.example', ...extra });

describe('decideSearch', () => {
  it.each([
    [undefined, true],
    [true, true],
    [false, false],
  ])('search %j in the config is %j', (search, expected) => {
    expect(decideSearch(config(search === undefined ? {} : { search })).search).toBe(expected);
  });
});
