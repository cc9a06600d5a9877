import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

interface PackageJson {
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

/**
 * `name@version` of every package the runtime dependencies of the package in `packageDir` pull in,
 * each found as Node finds it (the nearest `node_modules` upward, from the real folder of the package
 * that needs it), sorted. What a build makes depends
 * on their code too (markdown-it and its plugins, nunjucks, the decoders): an upgrade changes this list.
 * A dependency that is not installed is listed as `name@missing`.
 */
export function installedDependencies(packageDir: string, read: ReadText = readText): string[] {
  const listed = new Set<string>();
  const visited = new Set<string>();
  const visit = (fromDir: string, names: readonly string[]): void => {
    for (const name of names) {
      const found = installedPackage(fromDir, name, read);
      if (found === undefined) {
        listed.add(`${name}@missing`);
        continue;
      }
      // Node resolves a package's own dependencies from its real folder: pnpm links each package into
      // node_modules from a store folder that holds its dependencies beside it.
      const dir = realpathSync(found.dir);
      if (visited.has(dir)) continue;
      visited.add(dir);
      listed.add(`${name}@${found.manifest.version ?? 'unknown'}`);
      visit(dir, runtimeDependencies(found.manifest));
    }
  };
  const own = packageJsonIn(packageDir, read);
  if (own) visit(packageDir, runtimeDependencies(own));
  return [...listed].sort();
}

function runtimeDependencies(manifest: PackageJson): string[] {
  return Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies });
}

// Node's lookup for a bare package name: <dir>/node_modules/<name>, from `fromDir` up to the root.
function installedPackage(fromDir: string, name: string, read: ReadText): { readonly dir: string; readonly manifest: PackageJson } | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    // As Node does, no node_modules/node_modules.
    const candidate = path.basename(dir) === 'node_modules' ? undefined : path.join(dir, 'node_modules', name);
    const manifest = candidate === undefined ? undefined : packageJsonIn(candidate, read);
    if (candidate !== undefined && manifest) return { dir: candidate, manifest };
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A file's text, or undefined when it cannot be read (`installedDependencies` reads each package.json it looks for through one). */
export type ReadText = (file: string) => string | undefined;

// Read straight away (no stat first): most lookups find the package in the first or second folder.
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Not there (or unreadable): Node would look further up too.
    return undefined;
  }
}

function packageJsonIn(dir: string, read: ReadText): PackageJson | undefined {
  const text = read(path.join(dir, 'package.json'));
  try {
    return text === undefined ? undefined : (JSON.parse(text) as PackageJson);
  } catch {
    return undefined;
  }
}
