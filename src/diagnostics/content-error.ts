import { errorDiagnostic, type Diagnostic, type DiagnosticInit } from './diagnostic.js';

/**
 * Thrown by a stage when one file cannot be used. The build catches it per file,
 * goes on with the other files and reports every diagnostic at the end.
 */
export class ContentError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: Diagnostic | readonly Diagnostic[], options?: { cause?: unknown }) {
    const list: readonly Diagnostic[] = Array.isArray(diagnostics) ? diagnostics : [diagnostics as Diagnostic];
    const first = list[0];
    super(first ? `${first.file}:${first.line}:${first.column}: ${first.message}` : 'content error', options);
    this.name = 'ContentError';
    this.diagnostics = list;
  }

  /** The first (usually only) diagnostic. */
  get diagnostic(): Diagnostic {
    const first = this.diagnostics[0];
    if (!first) throw new Error('Internal error: ContentError without a diagnostic');
    return first;
  }
}

/** Throw a ContentError holding one error diagnostic. */
export function failContent(init: DiagnosticInit, cause?: unknown): never {
  throw new ContentError(errorDiagnostic(init), cause === undefined ? undefined : { cause });
}

/** True for a ContentError (also across module copies, e.g. in worker threads). */
export function isContentError(value: unknown): value is ContentError {
  return value instanceof ContentError || (value instanceof Error && value.name === 'ContentError' && 'diagnostics' in value);
}
