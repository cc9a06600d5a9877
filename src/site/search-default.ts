import type { SiteConfig } from '../config/schema.js';

/**
 * The config with `search` decided: as written, else on at every size (our own sharded index
 * costs about 0.1 ms of CPU per article and bounded memory, so no archive is too large for it).
 */
export function decideSearch(config: SiteConfig, _articleCount: number): SiteConfig {
  if (config.search !== undefined) return config;
  return { ...config, search: true };
}
