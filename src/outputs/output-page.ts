import type { Page } from '../render/page.js';
import { urlToOutputPath } from '../site/urls.js';

/** A generated (non-HTML) file of the site: a feed, a sitemap, robots.txt. */
export function outputPage(url: string, contents: string, contentType: string, origin: string): Page {
  return { url, outputPath: urlToOutputPath(url), contents, contentType, origin };
}
