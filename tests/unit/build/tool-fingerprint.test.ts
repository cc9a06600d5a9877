import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { treeFingerprint } from '../../../src/build/tool-fingerprint.js';

let root: string | undefined;
afterEach(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

// An installed tool: its code in lib/, one dependency with one of its own, and a cache folder for the record.
function installedTool(): { readonly lib: string; readonly cache: string; readonly at: (name: string) => string } {
  root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-tool-'));
  const at = (name: string): string => path.join(root ?? '', name);
  write(at('package.json'), JSON.stringify({ name: 'broadsheet', dependencies: { a: '^1' } }));
  write(at('node_modules/a/package.json'), JSON.stringify({ version: '1.0.0', dependencies: { b: '^2' } }));
  write(at('node_modules/b/package.json'), JSON.stringify({ version: '2.0.0' }));
  write(at('lib/cli/main.js'), 'export const main = 1;\n');
  write(at('lib/build/build.js'), 'export const build = 2;\n');
  write(at('lib/build/build.d.ts'), 'export declare const build: number;\n');
  return { lib: at('lib'), cache: at('.cache/broadsheet'), at };
}

// Whatever the clock: a file's mtime put well in the past, so the record trusts it (a fresh file is as old as the record's clock).
function age(file: string): void {
  const past = new Date(Date.now() - 3_600_000);
  utimesSync(file, past, past);
}

function ageAll(tool: ReturnType<typeof installedTool>): void {
  for (const name of ['package.json', 'node_modules/a/package.json', 'node_modules/b/package.json', 'lib/cli/main.js', 'lib/build/build.js', 'lib', 'lib/cli', 'lib/build']) age(tool.at(name));
}

describe('treeFingerprint', () => {
  it('is the same without a record and with one, and a second build takes it from the record', () => {
    const tool = installedTool();
    ageAll(tool);
    const plain = treeFingerprint(tool.lib);
    expect(treeFingerprint(tool.lib, tool.cache)).toEqual({ fingerprint: plain.fingerprint, recorded: false });
    expect(treeFingerprint(tool.lib, tool.cache)).toEqual({ fingerprint: plain.fingerprint, recorded: true });
  });

  it.each<[string, (tool: ReturnType<typeof installedTool>) => void]>([
    ['a file of the code edited, its size and mtime kept', (tool) => {
      const file = tool.at('lib/cli/main.js');
      const { atime, mtime } = statSync(file);
      writeFileSync(file, 'export const main = 9;\n');
      utimesSync(file, atime, mtime);
    }],
    ['a file added in a subfolder', (tool) => write(tool.at('lib/build/extra.js'), 'export {};\n')],
    ['a dependency upgraded', (tool) => write(tool.at('node_modules/b/package.json'), JSON.stringify({ version: '2.0.1' }))],
    ['a closer copy of a dependency installed', (tool) => write(tool.at('node_modules/a/node_modules/b/package.json'), JSON.stringify({ version: '2.5.0' }))],
  ])('changes after %s, though the record was taken before', (_, change) => {
    const tool = installedTool();
    ageAll(tool);
    const before = treeFingerprint(tool.lib, tool.cache);
    change(tool);
    const after = treeFingerprint(tool.lib, tool.cache);
    expect(after.recorded).toBe(false);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.fingerprint).toBe(treeFingerprint(tool.lib).fingerprint);
  });

  it('is made again for another install of the tool building the same site, whose code differs', () => {
    const tool = installedTool();
    ageAll(tool);
    const first = treeFingerprint(tool.lib, tool.cache);
    // A second install beside it (another version, say a global one) with the same cache folder.
    const other = path.join(tool.at('other'), 'lib');
    write(path.join(tool.at('other'), 'package.json'), JSON.stringify({ name: 'broadsheet' }));
    write(path.join(other, 'cli/main.js'), 'export const main = 2;\n');
    const second = treeFingerprint(other, tool.cache);
    expect(second).toEqual({ fingerprint: treeFingerprint(other).fingerprint, recorded: false });
    expect(second.fingerprint).not.toBe(first.fingerprint);
  });

  it('does not change for a declaration file, and reads the code again when the record is damaged', () => {
    const tool = installedTool();
    ageAll(tool);
    const before = treeFingerprint(tool.lib, tool.cache);
    write(tool.at('lib/build/build.d.ts'), 'export declare const build: string;\n');
    writeFileSync(path.join(tool.cache, 'tool-fingerprint.json'), readFileSync(path.join(tool.cache, 'tool-fingerprint.json'), 'utf8').slice(0, 50));
    expect(treeFingerprint(tool.lib, tool.cache)).toEqual({ fingerprint: before.fingerprint, recorded: false });
  });

  it('takes a package.json looked for through a file as absent, as the reader does, and keeps the record', () => {
    const tool = installedTool();
    // b is looked for under a/node_modules first: here that is a file, not a folder.
    write(tool.at('node_modules/a/node_modules'), 'not a folder');
    age(tool.at('node_modules/a/node_modules'));
    ageAll(tool);
    const first = treeFingerprint(tool.lib, tool.cache);
    expect(first.fingerprint).toBe(treeFingerprint(tool.lib).fingerprint);
    expect(treeFingerprint(tool.lib, tool.cache)).toEqual({ fingerprint: first.fingerprint, recorded: true });
  });

  it('keeps no record while a file it read is as new as the clock (it could change again within the same tick)', () => {
    const tool = installedTool();
    ageAll(tool);
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(tool.at('lib/cli/main.js'), future, future);
    treeFingerprint(tool.lib, tool.cache);
    expect(treeFingerprint(tool.lib, tool.cache).recorded).toBe(false);
  });
});
