import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The default theme's folder (`templates/` of the package), searched after a site's own templates/. */
export function defaultThemeDir(): string {
  // src/render/ and, compiled, lib/render/ are both two levels below the package root.
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

/** The folders templates are looked up in: the site's own `templates/` when it exists, then the default theme. */
export function themeDirsFor(siteTemplates: string): string[] {
  const dirs = [existsSync(siteTemplates) ? siteTemplates : undefined, defaultThemeDir()].filter((d): d is string => d !== undefined);
  return [...new Set(dirs.map((d) => path.resolve(d)))];
}
