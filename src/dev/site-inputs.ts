import { displayPath } from '../build/site-paths.js';
import { loadConfig } from '../config/load.js';
import type { SiteConfig } from '../config/schema.js';
import { createRenderer, themeDirsFor, type Renderer } from '../render/index.js';
import type { DevSitePaths } from './site-paths.js';

/** The site config, with the session's baseUrl override. */
export function loadSiteConfig(options: { readonly paths: DevSitePaths; readonly baseUrl?: string }): Promise<SiteConfig> {
  const { paths } = options;
  return loadConfig(paths.config, displayPath(paths.root, paths.config), options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl });
}

/** The renderer over the site's own templates/ first, then the default theme, as `build` searches them. */
export function makeRenderer(paths: DevSitePaths): Renderer {
  return createRenderer({ themeDirs: themeDirsFor(paths.templates), strict: false, displayRoot: paths.root });
}
