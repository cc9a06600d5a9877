import { existsSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../build/build.js';
import { loadConfig } from '../config/load.js';
import type { SiteConfig } from '../config/schema.js';
import { createRenderer, defaultThemeDir, type Renderer } from '../render/index.js';
import type { DevSitePaths } from './site-paths.js';

/** The site config, with the session's baseUrl override. */
export function loadSiteConfig(options: { readonly paths: DevSitePaths; readonly baseUrl?: string }): Promise<SiteConfig> {
  const { paths } = options;
  return loadConfig(paths.config, displayPath(paths.root, paths.config), options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl });
}

/** The renderer over the site's own templates/ first, then the default theme, as `build` searches them. */
export function makeRenderer(paths: DevSitePaths): Renderer {
  const dirs = [existsSync(paths.templates) ? paths.templates : undefined, defaultThemeDir()].filter((d): d is string => d !== undefined);
  return createRenderer({ themeDirs: [...new Set(dirs.map((d) => path.resolve(d)))], strict: false, displayRoot: paths.root });
}
