import type { SiteConfig } from '../config/schema.js';
import { didYouMean } from '../diagnostics/suggest.js';

/** Reports a problem with the column field. */
export type ColumnProblem = (code: string, message: string, note?: string) => void;

/**
 * The column key of an article. Editors may write the key (`news`), the display name (`工作动态`)
 * or an alias; with no columns declared, any column name passes through as its own key.
 */
export function resolveColumn(value: unknown, config: SiteConfig, report: ColumnProblem): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    report('front-matter/invalid-column', 'column must be text, e.g. column: news');
    return undefined;
  }
  const name = value.trim();
  if (config.columns.length === 0) return name;
  const found = config.columns.find((c) => c.key === name || c.name === name || c.aliases.includes(name));
  if (found) return found.key;
  const names = config.columns.flatMap((c) => [c.key, c.name, ...c.aliases]);
  const guess = didYouMean(name, names);
  const declared = config.columns.map((c) => `${c.key} (${c.name})`).join(', ');
  report(
    'front-matter/unknown-column',
    `unknown column ${JSON.stringify(name)}${guess === undefined ? '' : `; did you mean ${JSON.stringify(guess)}?`}`,
    `declared columns: ${declared}; declare new ones under "columns" in site.config.json`,
  );
  return undefined;
}
