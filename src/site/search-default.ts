import type { SiteConfig } from '../config/schema.js';

/**
 * Sites with up to this many articles get the search index unless their config says otherwise.
 * Pagefind needs about 0.6 GB of memory and 5 ms per Chinese page (13.8 GB and 250 s for a
 * 10,000-article site with its mirror), so a large archive must ask for it explicitly.
 */
export const searchArticleLimit = 1000;

/** The config with `search` decided: as written, or by the size of the site when left out. */
export function decideSearch(config: SiteConfig, articleCount: number): SiteConfig {
  if (config.search !== undefined) return config;
  return { ...config, search: articleCount <= searchArticleLimit };
}
