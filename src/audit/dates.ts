import type { Article, ZonedDate } from '../content/types.js';
import { errorDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Position } from '../diagnostics/position.js';

/** Where a front-matter key (`date`, `updated`) is in a source's text; 1:1 when not found (legacy exports). */
export function keyPositionIn(text: string | undefined, key: string): Position {
  if (text === undefined) return { line: 1, column: 1 };
  const match = new RegExp(`^${key}\\s*:`, 'm').exec(text);
  if (!match) return { line: 1, column: 1 };
  return { line: text.slice(0, match.index).split('\n').length, column: 1 };
}

/** The calendar day of a date in the site zone, `2023-12-08`. */
export function dayOf(date: ZonedDate): string {
  return date.iso.slice(0, 10);
}

/**
 * Faked-date signs on one published article: `updated` before `date`, or a date after the
 * build time (the page claims to be published before it was written).
 */
export function checkArticleDates(article: Article, now: ZonedDate, sourceText?: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (article.updated !== undefined && article.updated.epochMs < article.date.epochMs) {
    problems.push(errorDiagnostic({
      file: article.sourcePath,
      ...keyPositionIn(sourceText, 'updated'),
      code: 'audit/updated-before-date',
      message: `updated (${article.updated.iso}) is earlier than date (${article.date.iso})`,
      note: '"updated" is when the article was last changed: it cannot be before it was published',
    }));
  }
  if (article.date.epochMs > now.epochMs) {
    problems.push(errorDiagnostic({
      file: article.sourcePath,
      ...keyPositionIn(sourceText, 'date'),
      code: 'audit/future-date',
      message: `date ${article.date.iso} is after the build time ${now.iso}, but the article is published`,
      note: 'fix the date, or mark the article "draft: true" until it is due',
    }));
  }
  return problems;
}
