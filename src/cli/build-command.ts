import path from 'node:path';
import { build } from '../build/build.js';
// The dates manifest only, not the audit: its page scanner and source stages load when --audit or --strict asks for it.
import { keepManifest, manifestKept } from '../audit/manifest-store.js';
import { buildTime } from './build-time.js';
import type { CliIo } from './io.js';
import { createProgress } from './progress.js';
import { encodingSummary, printDiagnostics, repairLines, summaryLine } from './report.js';

/** Flags shared by the commands that read a site. */
export interface SiteFlags {
  readonly content?: string;
  readonly out?: string;
  readonly config?: string;
  readonly baseUrl?: string;
}

/** Flags of `broadsheet build`. */
export interface BuildFlags extends SiteFlags {
  readonly drafts?: boolean;
  readonly future?: boolean;
  readonly strict?: boolean;
  /** false with --no-cache. */
  readonly cache?: boolean;
  readonly workers?: string;
  /** Run the site audit after a successful build (on by default with --strict). */
  readonly audit?: boolean;
}

function displayOut(flags: BuildFlags, io: CliIo): string {
  return `${path.relative(io.cwd, path.resolve(io.cwd, flags.out ?? 'dist')) || '.'}/`;
}

/** `broadsheet build`: exit 0 when built, 1 when any error (or any warning with --strict). */
export async function buildCommand(flags: BuildFlags, io: CliIo): Promise<number> {
  const started = performance.now();
  const progress = createProgress(io.isTty, 'Rendering articles');
  const result = await build({
    root: io.cwd,
    ...(flags.content !== undefined && { contentDir: flags.content }),
    ...(flags.out !== undefined && { outDir: flags.out }),
    ...(flags.config !== undefined && { configFile: flags.config }),
    ...(flags.baseUrl !== undefined && { baseUrl: flags.baseUrl }),
    drafts: flags.drafts ?? false,
    future: flags.future ?? false,
    strict: flags.strict ?? false,
    ...(flags.cache !== false && { cacheDir: path.join(io.cwd, '.cache', 'broadsheet') }),
    ...(flags.workers !== undefined && { workers: Math.max(0, Math.floor(Number(flags.workers)) || 0) }),
    now: buildTime(io.env),
    onProgress: progress.update,
    // The audit reads the model, and keeping a dates manifest that is gone needs the articles.
    needsModel: flags.audit === true || flags.strict === true || !manifestKept(io.cwd),
  });
  progress.stop();
  for (const line of repairLines(result.stats)) io.err(line);
  printDiagnostics(io, result.diagnostics);
  if (result.stats.outcomes.length > 0) io.err(`Encodings: ${encodingSummary(result.stats)}`);
  io.err(summaryLine(result.stats, result.diagnostics, performance.now() - started, result.ok));
  if (result.stats.cached > 0) io.err(`Reused ${result.stats.cached} of ${result.stats.sources} sources from .cache/broadsheet`);
  if (result.stats.upToDate) io.err(`${displayOut(flags, io)} is up to date: no source, template, config or public file changed since it was built`);
  else if (result.stats.reusedPages > 0) io.err(`Reused ${result.stats.reusedPages} of ${result.stats.pages} pages from the previous output (inputs unchanged)`);
  if (!result.ok) return 1;
  // Only a build with nothing to do, answered from the analysis the cache kept, has no model (the
  // audit asks for one): no source changed since the build that kept the dates manifest.
  if (!result.model) return result.stats.upToDate === true ? 0 : 1;
  // The dates manifest is how the audit sees back-dating: kept on every build, audited or not.
  // Rewritten only when it changed: a build with nothing to do writes nothing at all.
  await keepManifest(io.cwd, result.model.articles);
  if (flags.audit !== true && flags.strict !== true) return 0;
  const { runAudit } = await import('./audit-command.js');
  return runAudit(result.model, flags, io);
}
