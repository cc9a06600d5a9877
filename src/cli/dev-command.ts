import path from 'node:path';
import { formatDiagnostic } from '../diagnostics/format.js';
import { defaultDevServerOptions } from '../dev/dev-server.js';
import { startDev, type RebuildEvent } from '../dev/start-dev.js';
import { buildTime } from './build-time.js';
import type { CliIo } from './io.js';
import { printDiagnostics } from './report.js';

/** Flags of `broadsheet dev`. */
export interface DevFlags {
  readonly content?: string;
  readonly config?: string;
  readonly baseUrl?: string;
  readonly port?: string;
  readonly host?: string;
  /** Shown by default; `--no-drafts` hides them. */
  readonly drafts?: boolean;
  readonly future?: boolean;
}

/** Resolves when the process is asked to stop (Ctrl-C, or SIGTERM from a supervisor). */
export function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `broadsheet dev`: serve the site with rebuilds on save and live reload until `stop` resolves. */
export async function devCommand(flags: DevFlags, io: CliIo, stop: Promise<void> = stopSignal()): Promise<number> {
  const port = flags.port === undefined ? defaultDevServerOptions.port : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`broadsheet dev: --port must be a whole number from 0 to 65535, got "${flags.port}"`);
    return 2;
  }
  let failed: unknown;
  const session = await startDev(
    {
      root: io.cwd,
      ...(flags.content !== undefined && { contentDir: flags.content }),
      ...(flags.config !== undefined && { configFile: flags.config }),
      ...(flags.baseUrl !== undefined && { baseUrl: flags.baseUrl }),
      drafts: flags.drafts ?? true,
      future: flags.future ?? false,
      now: buildTime(io.env),
      cacheDir: path.join(io.cwd, '.cache', 'broadsheet'),
      host: flags.host ?? defaultDevServerOptions.host,
      port,
      nextFreePort: flags.port === undefined,
    },
    (event) => reportRebuild(io, event),
    (error) => (failed = error),
  );
  printDiagnostics(io, session.diagnostics);
  io.err(`Serving ${session.pages} pages at ${session.url} (drafts ${flags.drafts === false ? 'hidden' : 'shown'}); watching for changes. Ctrl-C stops.`);
  io.out(session.url);
  await stop;
  await session.close();
  if (failed !== undefined) throw failed;
  io.err('Stopped.');
  return 0;
}

function reportRebuild(io: CliIo, event: RebuildEvent): void {
  printDiagnostics(io, event.diagnostics);
  const shown = new Set(event.diagnostics.map(formatDiagnostic));
  const standing = event.errors.map(formatDiagnostic).filter((text) => !shown.has(text));
  for (const text of standing) io.err(text);
  const status = event.errors.length > 0 ? `; ${event.errors.length} errors stand, serving the last good pages` : '';
  io.err(`Rebuilt in ${event.ms.toFixed(0)} ms: ${event.changedUrls.length} pages changed${status}`);
}
