import { describe, expect, it } from 'vitest';
import { renderRobots } from '../../../src/outputs/robots.js';
import { testModel } from '../../helpers/model.js';

describe('robots.txt', () => {
  it('points at the sitemap and the news sitemap under baseUrl', () => {
    const page = renderRobots(testModel([], { baseUrl: 'https://preview.example.com/site/' }));
    expect(page.outputPath).toBe('robots.txt');
    const sitemaps = String(page.contents).split('\n').filter((l) => l.startsWith('Sitemap: '));
    expect(sitemaps).toEqual(['Sitemap: https://preview.example.com/site/sitemap.xml', 'Sitemap: https://preview.example.com/site/news-sitemap.xml']);
  });
});
