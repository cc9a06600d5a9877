import { stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
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
  // chokidar 3 reports `ready` at once when any watched path is missing, before it has scanned the
  // others: a save made then was never seen. The existing paths get a watcher of their own.
  const existing = paths.filter((p) => existsSync(p));
  const missing = paths.filter((p) => !existsSync(p));
  const watchers = [await openWatcher(existing, onChange), ...(missing.length > 0 ? [await openWatcher(missing, onChange)] : [])];
  return { close: async () => void (await Promise.all(watchers.map((w) => w.close()))) };
}

async function openWatcher(paths: readonly string[], onChange: (absolutePath: string) => void): Promise<FSWatcher> {
  const watcher = chokidar.watch([...paths], {
    ignoreInitial: true,
    // Editors' swap and backup files (`.foo.md.swp`, `foo.md~`) are not sources.
    ignored: (file: string) => /(^|[/\\])\.[^/\\]/.test(file) || file.endsWith('~'),
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
