import type { SiteConfig } from '../config/schema.js';

/**
 * The config with `search` decided: as written, else on at every size (our own sharded index
 * costs about 0.7 ms of CPU per article on a cold build, and its postings spill to disk in batches,
 * so no archive is too large for it).
 */
export function decideSearch(config: SiteConfig): SiteConfig {
  if (config.search !== undefined) return config;
  return { ...config, search: true };
}
