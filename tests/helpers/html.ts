import { load, type CheerioAPI } from 'cheerio';
import type { Page } from '../../src/render/page.js';

/** Parse a rendered HTML page with a real HTML parser. */
export function parsePage(page: Page): CheerioAPI {
  if (typeof page.contents !== 'string') throw new Error(`${page.url} is not an HTML page`);
  return load(page.contents);
}

/** The text of an element with runs of white space collapsed. */
export function textOf($: CheerioAPI, selector: string): string {
  return $(selector).text().replace(/\s+/g, ' ').trim();
}
