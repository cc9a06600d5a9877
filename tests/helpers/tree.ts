import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root (where bin/broadsheet.js is). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Every file under `dir` (recursively) by relative path, with the SHA-256 of its bytes; empty when `dir` is absent. */
export function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  if (!existsSync(dir)) return hashes;
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, rel);
    if (lstatSync(file).isFile()) hashes.set(rel.split(path.sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return hashes;
}

/** Every file under `dir` (recursively) by relative `/`-separated path, sorted; none when `dir` is absent. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => lstatSync(path.join(dir, rel)).isFile())
    .map((rel) => rel.split(path.sep).join('/'))
    .sort();
}

/** Every file under `dir` with its bytes as a latin1 string: byte-exact, so two trees compare with toEqual and show a readable diff. */
export function fileTree(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((rel) => [rel, readFileSync(path.join(dir, rel), 'latin1')]));
}

/** Every file under `dir` (that `keep` accepts) with its inode: a file a build took over keeps it, one written again gets a new one. */
export function fileInodes(dir: string, keep: (rel: string) => boolean = () => true): Map<string, bigint> {
  return new Map(filesUnder(dir).filter(keep).map((rel) => [rel, statSync(path.join(dir, rel), { bigint: true }).ino]));
}

/** The files under `dir` (that `keep` accepts) with the inode they had in `before`: taken over by the build, not written again; sorted. */
export function keptFiles(before: ReadonlyMap<string, bigint>, dir: string, keep: (rel: string) => boolean = () => true): string[] {
  return [...fileInodes(dir, keep)].filter(([rel, ino]) => before.get(rel) === ino).map(([rel]) => rel);
}

/** One string standing for a whole tree, for quick equality checks. */
export function treeDigest(dir: string): string {
  return createHash('sha256').update(JSON.stringify([...hashTree(dir)])).digest('hex');
}

/** Copy a fixture folder into `target`. */
export function copyFixture(from: string, target: string): void {
  cpSync(from, target, { recursive: true });
}

/** Run the real CLI (lib/, compiled by `npm test`) in `cwd`. */
export function runCli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(projectRoot, 'bin/broadsheet.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1704859200', ...env },
  });
}
