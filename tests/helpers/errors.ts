import { formatDiagnostic, isContentError } from '../../src/diagnostics/index.js';

/** The formatted diagnostic of the ContentError that `run` throws; fails when it throws none. */
export function diagnosticOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isContentError(error)) return formatDiagnostic(error.diagnostic);
    throw error;
  }
  throw new Error('expected a ContentError');
}
