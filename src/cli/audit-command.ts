import { analyzeSite } from '../build/build.js';
import { auditSite, defaultExternalCheckOptions, formatAuditReport, type AuditReport } from '../audit/index.js';
import type { SiteModel } from '../site/types.js';
import type { SiteFlags } from './build-command.js';
import { buildTime } from './build-time.js';
import type { CliIo } from './io.js';
import { printDiagnostics } from './report.js';

/** Flags of `broadsheet audit`. */
export interface AuditFlags extends SiteFlags {
  readonly format?: 'text' | 'json';
  readonly external?: boolean;
  readonly future?: boolean;
}

/** `broadsheet audit`: check the built site as an inspection would; exit 1 on any failure. */
export async function auditCommand(flags: AuditFlags, io: CliIo): Promise<number> {
  const analysis = await analyzeSite({
    root: io.cwd,
    ...(flags.content !== undefined && { contentDir: flags.content }),
    ...(flags.config !== undefined && { configFile: flags.config }),
    ...(flags.baseUrl !== undefined && { baseUrl: flags.baseUrl }),
    future: flags.future ?? false,
    now: buildTime(io.env),
  });
  if (!analysis.ok || !analysis.model) {
    printDiagnostics(io, analysis.diagnostics);
    io.err('Audit not run: the sources have errors; fix them (see `broadsheet check`)');
    return 1;
  }
  return runAudit(analysis.model, flags, io);
}

/** Audit a site whose model is known (after `build --audit`), print the report, return the exit code. */
export async function runAudit(model: SiteModel, flags: AuditFlags, io: CliIo): Promise<number> {
  const report = await auditSite({
    root: io.cwd,
    model,
    ...(flags.content !== undefined && { contentDir: flags.content }),
    ...(flags.out !== undefined && { outDir: flags.out }),
    ...(flags.config !== undefined && { configFile: flags.config }),
    ...(flags.external === true && { external: defaultExternalCheckOptions }),
  });
  printReport(report, flags.format ?? 'text', io);
  return report.ok ? 0 : 1;
}

function printReport(report: AuditReport, format: 'text' | 'json', io: CliIo): void {
  if (format === 'json') io.out(JSON.stringify(report, null, 2));
  else io.out(formatAuditReport(report));
}
