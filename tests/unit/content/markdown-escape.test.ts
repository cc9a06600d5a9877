import * as cheerio from 'cheerio';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownLabel, escapeMarkdownText, markdownDestination } from '../../../src/content/markdown-escape.js';

const md = new MarkdownIt();
const renderedText = (markdown: string): string => cheerio.load(md.render(markdown)).root().text().trim();

describe('escapeMarkdownText', () => {
  it.each([
    ['plain Chinese needs nothing', '市中区 2023-12-20 增长6.5%', '市中区 2023-12-20 增长6.5%'],
    ['a heading marker', '# 一', '\\# 一'],
    ['a list number', '1. 一', '1\\. 一'],
    ['a list dash', '- 一', '\\- 一'],
    ['emphasis and links', '*a* [b](c)', '\\*a\\* \\[b\\](c)'],
    ['an entity', '&amp;', '\\&amp;'],
  ])('%s', (_name, text, escaped) => {
    expect(escapeMarkdownText(text)).toBe(escaped);
  });

  it('renders any trimmed single line literally', () => {
    const line = fc
      .string({ unit: fc.constantFrom(...'#>-+=*_`[]()<>!&|~\\1.) 中文a:'.split('')) })
      .map((s) => s.trim())
      .filter((s) => s !== '' && !/\s{2}/.test(s));
    fc.assert(
      fc.property(line, (text) => {
        expect(renderedText(escapeMarkdownText(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('links and images', () => {
  it.each([
    ['[新闻]*', 'https://example.com/a b(1).html', '[\\[新闻\\]\\*](<https://example.com/a b(1).html>)'],
    ['首页', 'https://example.com/', '[首页](https://example.com/)'],
  ])('%s -> %s', (label, url, markdown) => {
    const written = `[${escapeMarkdownLabel(label)}](${markdownDestination(url)})`;
    expect(written).toBe(markdown);
    const $ = cheerio.load(md.render(written));
    expect($('a').text()).toBe(label);
    expect($('a').attr('href')).toBe(encodeURI(url));
  });
});
