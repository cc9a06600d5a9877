import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { DevServer, type DevServerOptions } from './dev-server.js';
import { IncrementalSite, type RebuildReport } from './incremental-site.js';
import { RebuildQueue } from './rebuild-queue.js';
import { resolveDevPaths } from './site-paths.js';
import { watchPaths, type SiteWatcher } from './watch.js';

/** Options of `startDev`; paths are relative to `root`. */
export interface DevOptions extends DevServerOptions {
  readonly root: string;
  readonly contentDir?: string;
  readonly configFile?: string;
  readonly drafts: boolean;
  readonly future: boolean;
  readonly baseUrl?: string;
  /** Build time in ms since the epoch. */
  readonly now: number;
  /** The content cache shared with `build` (`.cache/broadsheet`); none when absent. */
  readonly cacheDir?: string;
  /** Worker threads for the first load; by default as `build` chooses. */
  readonly workers?: number;
}

/** One rebuild as the terminal reports it. */
export interface RebuildEvent extends RebuildReport {
  readonly ms: number;
  /** Every error that stands after the rebuild. */
  readonly errors: readonly Diagnostic[];
}

/** A running `broadsheet dev`. */
export interface DevSession {
  readonly url: string;
  /** How many pages the site had after the first build. */
  readonly pages: number;
  /** Diagnostics of the first build. */
  readonly diagnostics: readonly Diagnostic[];
  /** Resolves when no rebuild runs or waits. */
  readonly idle: () => Promise<void>;
  /** Stop watching and serving. */
  readonly close: () => Promise<void>;
}

/**
 * Build the site into memory, serve it, and watch content/, templates/, public/ and the config:
 * each burst of saves becomes one rebuild, and open pages that it changed reload themselves.
 */
export async function startDev(options: DevOptions, onRebuild: (event: RebuildEvent) => void, onFailure: (error: unknown) => void): Promise<DevSession> {
  const paths = resolveDevPaths(options.root, options.contentDir, options.configFile);
  const { site, diagnostics } = await IncrementalSite.open({
    paths,
    drafts: options.drafts,
    future: options.future,
    now: options.now,
    ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
    load: { ...(options.cacheDir !== undefined && { cacheDir: options.cacheDir }), ...(options.workers !== undefined && { workers: options.workers }) },
  });
  const server = await DevServer.listen({ page: (url) => site.page(url), errors: () => site.errors().map(formatDiagnostic) }, options);
  const queue = new RebuildQueue(async (changed) => {
    const started = performance.now();
    const report = await site.rebuild(changed);
    const errors = site.errors();
    if (report.changedUrls.length > 0) server.broadcast('reload', { urls: report.changedUrls });
    server.broadcast('problems', { errors: errors.map(formatDiagnostic) });
    onRebuild({ ...report, errors, ms: performance.now() - started });
  }, onFailure);
  let watcher: SiteWatcher;
  try {
    watcher = await watchPaths([paths.content, paths.config, paths.templates, paths.public], (file) => queue.add(file));
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    url: server.url,
    pages: site.pageCount,
    diagnostics,
    idle: () => queue.idle(),
    close: async () => {
      await watcher.close();
      await queue.close();
      await server.close();
    },
  };
}
