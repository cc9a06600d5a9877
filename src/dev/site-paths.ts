import path from 'node:path';

/** The absolute paths the dev server reads and watches. */
export interface DevSitePaths {
  readonly root: string;
  readonly content: string;
  readonly config: string;
  /** The site's own templates/ (it may not exist). */
  readonly templates: string;
  readonly public: string;
}

/** What kind of input a changed path is. */
export type ChangeKind = 'config' | 'templates' | 'public' | 'content';

/** Resolve the site's folders against its root, as `build` does. */
export function resolveDevPaths(root: string, contentDir = 'content', configFile = 'site.config.json'): DevSitePaths {
  const at = (p: string) => path.resolve(root, p);
  return { root: path.resolve(root), content: at(contentDir), config: at(configFile), templates: at('templates'), public: at('public') };
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
