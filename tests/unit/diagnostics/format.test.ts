import { describe, expect, it } from 'vitest';
import { errorDiagnostic, formatDiagnostic, positionAt, warningDiagnostic } from '../../../src/diagnostics/index.js';

describe('formatDiagnostic', () => {
  it('prints file:line:column, severity, message and code like a compiler', () => {
    const d = errorDiagnostic({
      file: 'content/2024/05/budget.md',
      line: 3,
      column: 7,
      code: 'front-matter/invalid-date',
      message: 'date is not a valid date: "2024-13-01"',
    });
    expect(formatDiagnostic(d)).toBe(
      'content/2024/05/budget.md:3:7: error: date is not a valid date: "2024-13-01" [front-matter/invalid-date]',
    );
  });

  it('prints the note on its own line', () => {
    const d = warningDiagnostic({ file: 'a.md', code: 'x/y', message: 'm', note: 'do this' });
    expect(formatDiagnostic(d)).toBe('a.md:1:1: warning: m [x/y]\n  note: do this');
  });
});

describe('positionAt', () => {
  it.each([
    ['abc', 0, 1, 1],
    ['abc', 2, 1, 3],
    ['a\nbc', 3, 2, 2],
    ['中文\n标题', 4, 2, 2],
    ['𠀀x', 2, 1, 2], // an astral character counts as one column
  ])('%j at %i is %i:%i', (text, offset, line, column) => {
    expect(positionAt(text, offset)).toEqual({ line, column });
  });
});
