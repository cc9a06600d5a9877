import { fileURLToPath } from 'node:url';

/** The default theme's folder (`templates/` of the package), searched after a site's own templates/. */
export function defaultThemeDir(): string {
  // src/render/ and, compiled, lib/render/ are both two levels below the package root.
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}
