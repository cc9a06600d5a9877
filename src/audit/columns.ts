import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Position } from '../diagnostics/position.js';
import type { ColumnModel, SiteModel } from '../site/types.js';

/** Five empty (or five stale) columns fail a government-site inspection outright. */
export const columnFailureThreshold = 5;

const dayMs = 86_400_000;

/** Days a column may go without a new article: its own `updateIntervalDays`, else the audit default for its kind. */
export function updateIntervalOf(column: ColumnModel, model: SiteModel): number {
  return column.config.updateIntervalDays ?? model.config.audit.staleAfterDays[column.config.kind];
}

/**
 * Empty columns (no articles) and stale columns (newest article older than the update
 * interval at build time): warnings, all of them failures once there are five.
 */
export function checkColumns(model: SiteModel, configFile: string, at: (index: number) => Position): Diagnostic[] {
  const indexed = model.columns.map((column, index) => ({ column, index }));
  const empty = indexed.filter(({ column }) => column.articles.length === 0);
  const stale = indexed.flatMap(({ column, index }) => {
    const newest = column.articles[0];
    if (newest === undefined) return [];
    const days = Math.floor((model.now.epochMs - newest.date.epochMs) / dayMs);
    const interval = updateIntervalOf(column, model);
    return days > interval ? [{ column, index, days, interval, newest: newest.date.iso.slice(0, 10) }] : [];
  });
  const make = (count: number) => (count >= columnFailureThreshold ? errorDiagnostic : warningDiagnostic);
  const emptyNote = `${empty.length} empty column${empty.length === 1 ? '' : 's'}; ${columnFailureThreshold} or more fail the inspection: publish in it or remove it from "columns"`;
  const staleNote = `${stale.length} stale column${stale.length === 1 ? '' : 's'}; ${columnFailureThreshold} or more fail the inspection: publish in it, or set its "updateIntervalDays"`;
  return [
    ...empty.map(({ column, index }) => make(empty.length)({
      file: configFile, ...at(index), code: 'audit/empty-column',
      message: `column "${column.key}" (${column.config.name}) has no articles`, note: emptyNote,
    })),
    ...stale.map(({ column, index, days, interval, newest }) => make(stale.length)({
      file: configFile, ...at(index), code: 'audit/stale-column',
      message: `column "${column.key}" (${column.config.name}) was last updated ${days} days ago (${newest}); it must be updated every ${interval} days`,
      note: staleNote,
    })),
  ];
}
