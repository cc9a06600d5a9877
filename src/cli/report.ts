import type { BuildStats } from '../build/build.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import type { CliIo } from './io.js';

/** Print every diagnostic, errors and warnings alike, in file order. */
export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d));
}

/** `utf-8 12, gb18030 1 (detected: content/legacy/a.txt)` — how the sources were decoded. */
export function encodingSummary(stats: BuildStats): string {
  const counts = new Map<string, number>();
  const detected: string[] = [];
  for (const o of stats.outcomes) {
    if (o.encoding === undefined) continue;
    counts.set(o.encoding, (counts.get(o.encoding) ?? 0) + 1);
    if (o.decidedBy === 'detected') detected.push(o.path);
  }
  const list = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([e, n]) => `${e} ${n}`);
  return `${list.join(', ')}${detected.length > 0 ? ` (detected, not declared: ${detected.join(', ')})` : ''}`;
}

/**
 * Every repair the text stage made, one line each at its place in the source, so that nothing in
 * the published text changes without the editor being told: `file:line:column: repaired: rule "a" -> "b"`.
 */
export function repairLines(stats: BuildStats): string[] {
  return stats.outcomes.flatMap((o) =>
    o.repairs.map((r) => `${o.path}:${r.line}:${r.column}: repaired: ${r.rule} ${JSON.stringify(r.before)} -> ${JSON.stringify(r.after)}`),
  );
}

/** The one summary line at the end of a build. */
export function summaryLine(stats: BuildStats, diagnostics: readonly Diagnostic[], ms: number, ok: boolean): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const skipped = [stats.drafts > 0 ? `${stats.drafts} drafts` : '', stats.future > 0 ? `${stats.future} future` : '']
    .filter(Boolean)
    .join(', ');
  const counts = `${stats.articles} articles, ${stats.pages} pages, ${warnings} warnings, ${errors} errors`;
  const tail = `${skipped ? `; left out ${skipped}` : ''}${stats.repairs > 0 ? `; ${stats.repairs} repairs` : ''}`;
  const verb = ok ? 'Built' : 'Build failed:';
  return `${verb} ${counts} in ${(ms / 1000).toFixed(2)} s${tail}${ok ? '' : '; dist/ left unchanged'}`;
}
