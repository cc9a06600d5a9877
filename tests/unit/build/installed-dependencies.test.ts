import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installedDependencies } from '../../../src/build/installed-dependencies.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function writePackage(dir: string, manifest: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
}

// A project laid out as npm installs it: `b` nested under `a` in another version than the hoisted one,
// a scoped package, a cycle, a dev dependency, an optional dependency that is not installed.
function installedProject(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-deps-'));
  dirs.push(root);
  const modules = path.join(root, 'node_modules');
  writePackage(root, { name: 'site-tool', dependencies: { a: '^1', c: '^1' }, devDependencies: { vitest: '^3' } });
  writePackage(path.join(modules, 'a'), { version: '1.0.0', dependencies: { b: '^2' } });
  writePackage(path.join(modules, 'a', 'node_modules', 'b'), { version: '2.0.0', dependencies: { a: '^1' } });
  writePackage(path.join(modules, 'b'), { version: '1.0.0' });
  writePackage(path.join(modules, 'c'), { version: '1.2.0', dependencies: { '@s/d': '^3' }, optionalDependencies: { e: '^1' } });
  writePackage(path.join(modules, '@s', 'd'), { version: '3.0.0' });
  writePackage(path.join(modules, 'vitest'), { version: '3.2.0' });
  return root;
}

describe('installedDependencies', () => {
  it('lists every runtime package in the version Node would load, sorted, the missing ones marked', () => {
    expect(installedDependencies(installedProject())).toEqual(['@s/d@3.0.0', 'a@1.0.0', 'b@2.0.0', 'c@1.2.0', 'e@missing']);
  });

  it.each([
    ['a direct dependency upgraded', 'a', '1.0.1'],
    ['a nested one upgraded', path.join('a', 'node_modules', 'b'), '2.1.0'],
    ['a scoped one upgraded', path.join('@s', 'd'), '3.0.1'],
  ])('changes when %s', (_, folder, version) => {
    const root = installedProject();
    const before = installedDependencies(root);
    writePackage(path.join(root, 'node_modules', folder), { version });
    expect(installedDependencies(root)).not.toEqual(before);
  });

  it('does not change for a package nothing at run time loads (a dev dependency, a hoisted copy nobody resolves)', () => {
    const root = installedProject();
    const before = installedDependencies(root);
    writePackage(path.join(root, 'node_modules', 'vitest'), { version: '4.0.0' });
    writePackage(path.join(root, 'node_modules', 'b'), { version: '1.5.0' });
    expect(installedDependencies(root)).toEqual(before);
  });

  it('follows a package linked into node_modules (pnpm) to the dependencies beside its real folder', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-deps-'));
    dirs.push(root);
    const store = path.join(root, 'node_modules', '.pnpm', 'a@1.0.0', 'node_modules');
    writePackage(root, { name: 'site-tool', dependencies: { a: '^1' } });
    writePackage(path.join(store, 'a'), { version: '1.0.0', dependencies: { b: '^2' } });
    writePackage(path.join(store, 'b'), { version: '2.3.0' });
    symlinkSync(path.join(store, 'a'), path.join(root, 'node_modules', 'a'), 'dir');
    expect(installedDependencies(root)).toEqual(['a@1.0.0', 'b@2.3.0']);
  });

  it("covers this project's own parsers and template engine", () => {
    const listed = installedDependencies(path.resolve(import.meta.dirname, '../../..'));
    for (const name of ['markdown-it', 'nunjucks', 'iconv-lite', 'linkify-it']) expect(listed.some((line) => line.startsWith(`${name}@`) && !line.endsWith('@missing'))).toBe(true);
  });
});
