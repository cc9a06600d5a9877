/** Severity of a diagnostic: errors fail the build, warnings fail it only with --strict. */
export type Severity = 'error' | 'warning';

/** One problem found in the input, located at a 1-based line and column of the original file. */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine-readable code, `stage/what`, e.g. `front-matter/invalid-date`. */
  readonly code: string;
  readonly message: string;
  /** Path as the user wrote it or relative to the site root, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** What to do about it, printed on the next line. */
  readonly note?: string;
}

/** The fields a caller supplies to create a diagnostic; position defaults to 1:1. */
export interface DiagnosticInit {
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly note?: string | undefined;
}

function make(severity: Severity, init: DiagnosticInit): Diagnostic {
  const base = {
    severity,
    code: init.code,
    message: init.message,
    file: init.file,
    line: init.line ?? 1,
    column: init.column ?? 1,
  };
  return init.note === undefined ? base : { ...base, note: init.note };
}

/** Create an error diagnostic. */
export function errorDiagnostic(init: DiagnosticInit): Diagnostic {
  return make('error', init);
}

/** Create a warning diagnostic. */
export function warningDiagnostic(init: DiagnosticInit): Diagnostic {
  return make('warning', init);
}

/** Order diagnostics by file, then position, then code, so reports are stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
