import type { Page } from '../render/page.js';
import { absoluteUrl } from '../render/site-view.js';
import type { SiteModel } from '../site/types.js';
import { outputPage } from './output-page.js';

/** `/robots.txt`: everything may be crawled; it names the sitemap and the news sitemap. */
export function renderRobots(model: SiteModel): Page {
  const lines = [
    'User-agent: *',
    'Allow: /',
    '',
    `Sitemap: ${absoluteUrl(model.config, '/sitemap.xml')}`,
    `Sitemap: ${absoluteUrl(model.config, '/news-sitemap.xml')}`,
  ];
  return outputPage('/robots.txt', `${lines.join('\n')}\n`, 'text/plain; charset=utf-8', 'robots.txt');
}
