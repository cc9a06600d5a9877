import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import type { ExternalLink } from './audit-pages.js';
import type { ExternalResult } from './external.js';

/** Figures of one audit. */
export interface AuditStats {
  readonly articles: number;
  readonly columns: number;
  readonly pages: number;
  readonly links: number;
}

/** Everything an audit found. `ok` is false when any finding is a failure (error). */
export interface AuditReport {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** External links, listed; checked only on request. */
  readonly external: readonly ExternalLink[];
  readonly externalResults?: readonly ExternalResult[];
  readonly stats: AuditStats;
}

/** The report as text: findings like compiler errors, the external links, one summary line. */
export function formatAuditReport(report: AuditReport): string {
  const lines = report.diagnostics.map(formatDiagnostic);
  if (report.external.length > 0) {
    const checked = report.externalResults !== undefined;
    lines.push(`External links (${report.external.length}${checked ? ', checked' : '; not checked, use --external'}):`);
    report.external.forEach((link, i) => {
      const result = report.externalResults?.[i];
      const state = result === undefined ? '' : result.ok ? ` ok ${result.status ?? ''}`.trimEnd() : ` BROKEN ${result.status ?? result.error ?? ''}`;
      lines.push(`  ${link.url} (${link.pages} page${link.pages === 1 ? '' : 's'})${state}`);
    });
  }
  lines.push(auditSummary(report));
  return lines.join('\n');
}

/** `Audit passed: 40 pages, 310 links, 13 articles, 3 columns; 0 failures, 1 warning`. */
export function auditSummary(report: AuditReport): string {
  const failures = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.length - failures;
  const { pages, links, articles, columns } = report.stats;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `Audit ${report.ok ? 'passed' : 'failed'}: ${plural(pages, 'page')}, ${plural(links, 'link')}, ${plural(articles, 'article')}, ${plural(columns, 'column')}; ${plural(failures, 'failure')}, ${plural(warnings, 'warning')}`;
}
