import type { ZonedDate } from './types.js';

/** Values a permalink pattern can use. */
export interface PermalinkValues {
  readonly slug: string;
  readonly date: ZonedDate;
  readonly column?: string | undefined;
}

const TOKENS = [':year', ':month', ':day', ':slug', ':column'] as const;

/** Why a permalink pattern is unusable, or undefined when it is fine. */
export function permalinkProblem(pattern: string): string | undefined {
  if (!pattern.startsWith('/') || !pattern.endsWith('/')) return 'must start and end with "/"';
  if (!pattern.includes(':slug')) return 'must contain :slug so that every article gets its own URL';
  const unknown = pattern.match(/:[a-z]+/g)?.find((t) => !(TOKENS as readonly string[]).includes(t));
  return unknown === undefined ? undefined : `has an unknown token ${unknown} (known: ${TOKENS.join(' ')})`;
}

/** The URL of an article from the site's permalink pattern, e.g. `/2023/12/budget/`. */
export function articleUrl(pattern: string, values: PermalinkValues): string {
  const { date } = values;
  return pattern
    .replaceAll(':year', String(date.year).padStart(4, '0'))
    .replaceAll(':month', String(date.month).padStart(2, '0'))
    .replaceAll(':day', String(date.day).padStart(2, '0'))
    .replaceAll(':column', values.column ?? 'articles')
    .replaceAll(':slug', values.slug);
}
