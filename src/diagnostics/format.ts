import type { Diagnostic } from './diagnostic.js';

/** Format one diagnostic like a compiler: `file:line:column: error: message [code]`, then its note. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
  return d.note === undefined ? head : `${head}\n  note: ${d.note}`;
}

/** Format many diagnostics, one after another. */
export function formatDiagnostics(list: readonly Diagnostic[]): string {
  return list.map(formatDiagnostic).join('\n');
}
