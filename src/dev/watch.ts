import { stat } from 'node:fs/promises';
import { existsSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import chokidar, { type FSWatcher } from 'chokidar';

/** A running file watcher. */
export interface SiteWatcher {
  /** Stop watching; resolves when every OS watch handle is released. */
  readonly close: () => Promise<void>;
}

/**
 * Watch files and folders (they need not exist yet) and report every added, changed or removed
 * file by its absolute path. Resolves once the initial scan is done, so a write made after this
 * resolves is seen.
 */
export async function watchPaths(paths: readonly string[], onChange: (absolutePath: string) => void): Promise<SiteWatcher> {
  // Existing folders get node's own recursive watch: chokidar 3 answers each save in a folder by
  // statting every file in it, which on a 10,000-article folder kept the thread pool and the event
  // loop busy for 200-500 ms per save. chokidar keeps the files and the paths not created yet; it
  // reports `ready` at once when any watched path is missing, so those get a watcher of their own.
  const folders = paths.filter((p) => existsSync(p) && statSync(p).isDirectory());
  const files = paths.filter((p) => existsSync(p) && !folders.includes(p));
  const missing = paths.filter((p) => !existsSync(p));
  const closers: (() => Promise<void>)[] = folders.map((dir) => watchFolder(dir, onChange));
  for (const group of [files, missing].filter((g) => g.length > 0)) {
    const watcher = await openWatcher(group, onChange);
    closers.push(() => watcher.close());
  }
  return { close: async () => void (await Promise.all(closers.map((close) => close()))) };
}

function watchFolder(dir: string, onChange: (absolutePath: string) => void): () => Promise<void> {
  const watcher = watch(dir, { recursive: true }, (_event, name) => {
    if (name === null) return;
    const file = path.join(dir, name.toString());
    if (!ignored(name.toString())) onChange(file);
  });
  return () => Promise.resolve(watcher.close());
}

// Editors' swap and backup files (`.foo.md.swp`, `foo.md~`) are not sources.
function ignored(file: string): boolean {
  return /(^|[/\\])\.[^/\\]/.test(file) || file.endsWith('~');
}

async function openWatcher(paths: readonly string[], onChange: (absolutePath: string) => void): Promise<FSWatcher> {
  const watcher = chokidar.watch([...paths], {
    ignoreInitial: true,
    ignored,
    alwaysStat: true,
  });
  watcher.on('add', (file: string) => onChange(file));
  watcher.on('unlink', (file: string) => onChange(file));
  watcher.on('change', (file: string, stats?: { mtimeMs: number; size: number }) => {
    onChange(file);
    if (stats) recheckLater(file, stats, onChange);
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', reject);
  });
  return watcher;
}

// chokidar drops a second change of a file within 50 ms of the first (its throttle has no
// trailing event), so a quick second save would never be built: look once more after that window.
const throttleWindowMs = 60;

function recheckLater(file: string, seen: { mtimeMs: number; size: number }, onChange: (file: string) => void): void {
  setTimeout(() => {
    stat(file).then(
      (now) => {
        if (now.mtimeMs !== seen.mtimeMs || now.size !== seen.size) onChange(file);
      },
      () => undefined, // removed meanwhile: chokidar reports the unlink itself
    );
  }, throttleWindowMs).unref();
}
