import path from 'node:path';
import { defaultConfigFile } from '../config/load.js';

/** Folder and file names of a site as given on the command line, relative to its root. */
export interface SiteNames {
  readonly contentDir?: string | undefined;
  readonly outDir?: string | undefined;
  readonly configFile?: string | undefined;
}

/** The absolute paths of a site's inputs and output: what `build` reads and writes, `dev` watches, `audit` checks. */
export interface SitePaths {
  readonly root: string;
  readonly content: string;
  readonly out: string;
  readonly config: string;
  /** The site's own templates/ (it may not exist). */
  readonly templates: string;
  readonly public: string;
}

/** Resolve a site's folders against its root, with the defaults `content`, `dist` and site.config.json. */
export function resolveSitePaths(root: string, names: SiteNames = {}): SitePaths {
  const at = (p: string) => path.resolve(root, p);
  return {
    root: path.resolve(root),
    content: at(names.contentDir ?? 'content'),
    out: at(names.outDir ?? 'dist'),
    config: at(names.configFile ?? defaultConfigFile),
    templates: at('templates'),
    public: at('public'),
  };
}

/** How diagnostics name a path: relative to the site root when inside it. */
export function displayPath(root: string, p: string): string {
  const rel = path.relative(root, p);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? p : rel).split(path.sep).join('/') || '.';
}
