import path from 'node:path';
import { analyzeSite } from '../build/build.js';
import { isContentError } from '../diagnostics/content-error.js';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { createRenderer, themeDirsFor } from '../render/index.js';
import { formatEncodingReport } from '../text/decode/index.js';
import type { DecodedSource } from '../text/types.js';
import type { SiteFlags } from './build-command.js';
import { buildTime } from './build-time.js';
import type { CliIo } from './io.js';
import { encodingSummary, printDiagnostics, repairLines } from './report.js';

/** Flags of `broadsheet check`. */
export interface CheckFlags extends SiteFlags {
  readonly encodings?: boolean;
  readonly format?: 'text' | 'json';
  readonly strict?: boolean;
  readonly drafts?: boolean;
}

/** `broadsheet check`: decode, repair, validate every source and report, writing nothing. */
export async function checkCommand(flags: CheckFlags, io: CliIo): Promise<number> {
  const analyzed = await analyzeSite({
    root: io.cwd,
    ...(flags.content !== undefined && { contentDir: flags.content }),
    ...(flags.config !== undefined && { configFile: flags.config }),
    drafts: true,
    future: true,
    strict: flags.strict ?? false,
    now: buildTime(io.env),
  });
  const diagnostics = [...analyzed.diagnostics, ...templateProblems(io.cwd, flags.strict ?? false)].sort(compareDiagnostics);
  const analysis = { ...analyzed, diagnostics, ok: analyzed.ok && !hasErrors(diagnostics) };
  const outcomes = analysis.stats.outcomes;
  if (flags.format === 'json') {
    io.out(JSON.stringify({
      ok: analysis.ok,
      diagnostics: analysis.diagnostics,
      files: outcomes.map((o) => ({ path: o.path, encoding: o.encoding, decidedBy: o.decidedBy, confidence: o.confidence, repairs: o.repairs })),
    }, null, 2));
    return analysis.ok ? 0 : 1;
  }
  for (const line of repairLines(analysis.stats)) io.err(line);
  printDiagnostics(io, analysis.diagnostics);
  if (flags.encodings) {
    const decoded = outcomes.flatMap((o) =>
      o.encoding === undefined || o.decidedBy === undefined ? [] : [{ path: o.path, text: '', encoding: o.encoding, decidedBy: o.decidedBy, confidence: o.confidence ?? 0 } satisfies DecodedSource],
    );
    io.out(formatEncodingReport(decoded));
  }
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  io.err(`Checked ${analysis.stats.sources} sources: ${errors} errors, ${analysis.diagnostics.length - errors} warnings, ${analysis.stats.repairs} repairs`);
  if (outcomes.length > 0) io.err(`Encodings: ${encodingSummary(analysis.stats)}`);
  return analysis.ok ? 0 : 1;
}

/** Compile every template of the site and the default theme, as a build would before rendering. */
function templateProblems(root: string, strict: boolean): readonly Diagnostic[] {
  try {
    createRenderer({ themeDirs: themeDirsFor(path.join(root, 'templates')), strict, displayRoot: root });
    return [];
  } catch (error) {
    if (isContentError(error)) return error.diagnostics;
    throw error;
  }
}
