import { describe, expect, it } from 'vitest';
import { toAbsolute } from '../../../src/outputs/to-absolute.js';

describe('toAbsolute', () => {
  it.each([
    ['https://news.example.gov.cn', '/images/cover.jpg', 'https://news.example.gov.cn/images/cover.jpg'],
    ['https://example.github.io/site/', '/images/cover.jpg', 'https://example.github.io/site/images/cover.jpg'],
    ['https://news.example.gov.cn', '/images/封面.jpg', 'https://news.example.gov.cn/images/%E5%B0%81%E9%9D%A2.jpg'],
    ['https://news.example.gov.cn', '/images/%E5%B0%81.jpg', 'https://news.example.gov.cn/images/%E5%B0%81.jpg'],
    ['https://example.github.io/site', 'images/a.png', 'https://example.github.io/site/images/a.png'],
    ['https://news.example.gov.cn', 'https://cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['https://news.example.gov.cn', '//cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
  ])('under %s, %s is %s', (base, value, expected) => {
    expect(toAbsolute(base, value)).toBe(expected);
  });
});
