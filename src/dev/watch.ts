import chokidar from 'chokidar';

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
  const watcher = chokidar.watch([...paths], {
    ignoreInitial: true,
    // Editors' swap and backup files (`.foo.md.swp`, `foo.md~`) are not sources.
    ignored: (file: string) => /(^|[/\\])\.[^/\\]/.test(file) || file.endsWith('~'),
  });
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, (file: string) => onChange(file));
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', reject);
  });
  return { close: () => watcher.close() };
}
