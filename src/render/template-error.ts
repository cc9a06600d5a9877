import { ContentError, errorDiagnostic } from '../diagnostics/index.js';

/** Diagnostic codes of template problems. */
export type TemplateErrorCode = 'template/syntax' | 'template/render';

// nunjucks prefixes its message with `(path) [Line n, Column m]` of the template where the error
// arose, and each enclosing template (include, extends) adds `(path)\n  Template render error: `.
const located = /\(([^\n]*?)\) \[Line (\d+)(?:, Column (\d+))?\]\n\s*/g;
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
  const at = innermostLocation(raw);
  const rest = stripPrefixes(at ? raw.slice(at.index + at[0].length) : raw);
  const file = at?.[1] ?? rest.innermost;
  const message = rest.text;
  const strictUndefined = message === undefinedOutput;
  const diagnostic = errorDiagnostic({
    code: strictUndefined ? 'template/undefined' : code,
    message: strictUndefined ? 'the template outputs a value that is not set (strict mode)' : message,
    file: file !== undefined && file !== 'unknown path' ? display(file) : fallbackFile,
    line: Number(at?.[2] ?? 1),
    column: Number(at?.[3] ?? 1),
    note: strictUndefined
      ? 'guard the value with {% if ... %}, or give it a default: {{ value | default("") }}'
      : undefined,
  });
  return new ContentError(diagnostic, { cause: error });
}

// An error inside a block of a child template is located twice, outer then inner; the last one is
// where the problem is.
function innermostLocation(raw: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of raw.matchAll(located)) last = m as RegExpExecArray;
  return last;
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
