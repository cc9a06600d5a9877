import path from 'node:path';
import { resolveSitePaths, type SitePaths } from '../build/site-paths.js';

/** The absolute paths the dev server reads and watches (it writes no output folder). */
export type DevSitePaths = Omit<SitePaths, 'out'>;

/** What kind of input a changed path is. */
export type ChangeKind = 'config' | 'templates' | 'public' | 'content';

/** Resolve the site's folders against its root, as `build` does. */
export function resolveDevPaths(root: string, contentDir?: string, configFile?: string): DevSitePaths {
  return resolveSitePaths(root, { contentDir, configFile });
}

/** Which input a changed file belongs to, or undefined when none (the build does not read it). */
export function classifyChange(paths: DevSitePaths, file: string): ChangeKind | undefined {
  const abs = path.resolve(file);
  if (abs === paths.config) return 'config';
  if (isInside(paths.content, abs)) return 'content';
  if (isInside(paths.templates, abs)) return 'templates';
  if (isInside(paths.public, abs)) return 'public';
  return undefined;
}

/** `file` relative to `dir` with forward slashes; callers check `isInside` first. */
export function relativeSlashed(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
