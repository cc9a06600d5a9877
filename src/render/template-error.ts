import { ContentError, errorDiagnostic } from '../diagnostics/index.js';

/** Diagnostic codes of template problems. */
export type TemplateErrorCode = 'template/syntax' | 'template/render';

// nunjucks prefixes its message with `(path) [Line n, Column m]` of the template where the error
// arose, and each enclosing template (include, extends, block) adds `(path)\n  Template render error: `;
// the innermost, last, location is the one that points at the problem.
const located = /\(([^\n]*?)\) \[Line (\d+)(?:, Column (\d+))?\]\n\s*/g;
// A JavaScript error thrown by a filter is wrapped as `TypeError: ...` at a 0-based position (that
// of the enclosing block or last call); nunjucks' own errors carry 1-based ones.
const thrownByCode = /^(?:Error|TypeError|RangeError): /;
const approximateNote = 'nunjucks reports this at the start of the enclosing block or call: the problem is at or after this position';
const unlocated = /^\(([^\n]*?)\)\n\s*/;
const causePrefix = /^(?:Template render error|Error|TypeError|RangeError): /;
const undefinedOutput = 'attempted to output null or undefined value';

/**
 * Wrap a nunjucks error once into a ContentError at the file and line nunjucks names,
 * e.g. `templates/article.njk:12:5: error: unexpected token: %} [template/syntax]`.
 * Our own bugs (`Internal error: ...`) stay plain Errors.
 */
export function templateError(
  error: unknown,
  code: TemplateErrorCode,
  fallbackFile: string,
  display: (file: string) => string,
): Error {
  if (error instanceof ContentError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  if (raw.includes('Internal error:')) return new Error(raw.slice(raw.indexOf('Internal error:')), { cause: error });
  const at = [...raw.matchAll(located)].at(-1);
  const after = at ? raw.slice((at.index ?? 0) + at[0].length) : raw;
  const shift = at && thrownByCode.test(after) ? 1 : 0;
  const rest = stripPrefixes(after);
  const file = at?.[1] ?? rest.innermost;
  const strictUndefined = rest.text === undefinedOutput;
  const diagnostic = errorDiagnostic({
    code: strictUndefined ? 'template/undefined' : code,
    message: strictUndefined ? 'the template outputs a value that is not set (strict mode)' : rest.text,
    file: file !== undefined && file !== 'unknown path' ? display(file) : fallbackFile,
    line: Number(at?.[2] ?? 0) + shift || 1,
    column: Number(at?.[3] ?? 0) + shift || 1,
    note: strictUndefined
      ? 'guard the value with {% if ... %}, or give it a default: {{ value | default("") }}'
      : shift === 1 ? approximateNote : undefined,
  });
  return new ContentError(diagnostic, { cause: error });
}

function stripPrefixes(raw: string): { text: string; innermost?: string } {
  let text = raw.trim();
  let innermost: string | undefined;
  for (;;) {
    const m = unlocated.exec(text);
    if (m) {
      innermost = m[1];
      text = text.slice(m[0].length);
    } else if (causePrefix.test(text)) {
      text = text.replace(causePrefix, '');
    } else {
      return innermost === undefined ? { text } : { text, innermost };
    }
  }
}
