import type { SiteConfig } from '../config/schema.js';
import { decideSearch } from './search-default.js';
import type { Article, ZonedDate } from '../content/types.js';
import type { ColumnModel, MonthArchive, Neighbours, SiteModel, TagModel, YearArchive } from './types.js';

/** Inputs of the site model besides the articles. */
export interface SiteModelOptions {
  readonly config: SiteConfig;
  readonly now: ZonedDate;
  readonly includesDrafts: boolean;
}

/** Newest first; equal times ordered by URL so every build lists them the same way. */
export function compareNewestFirst(a: Article, b: Article): number {
  if (a.date.epochMs !== b.date.epochMs) return b.date.epochMs - a.date.epochMs;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/** Sort the articles and group them by column, tag, year and month. */
export function buildSiteModel(articles: readonly Article[], options: SiteModelOptions): SiteModel {
  const sorted = [...articles].sort(compareNewestFirst);
  return {
    config: decideSearch(options.config),
    articles: sorted,
    columns: columnsOf(sorted, options.config),
    tags: tagsOf(sorted),
    years: yearsOf(sorted),
    neighbours: neighboursOf(sorted),
    now: options.now,
    includesDrafts: options.includesDrafts,
  };
}

function columnsOf(sorted: readonly Article[], config: SiteConfig): ColumnModel[] {
  return config.columns.map((column) => ({
    key: column.key,
    config: column,
    title: column.name,
    url: `/columns/${column.key}/`,
    articles: sorted.filter((a) => a.column === column.key),
  }));
}

function tagsOf(sorted: readonly Article[]): TagModel[] {
  const byTag = groupBy(sorted, (a) => a.tags);
  return [...byTag.keys()]
    .sort()
    .map((name) => ({ name, title: name, url: `/tags/${name}/`, articles: byTag.get(name) ?? [] }));
}

function yearsOf(sorted: readonly Article[]): YearArchive[] {
  const byYear = groupBy(sorted, (a) => [String(a.date.year)]);
  return [...byYear.entries()].map(([yearText, articles]) => {
    const year = Number(yearText);
    const byMonth = groupBy(articles, (a) => [String(a.date.month)]);
    const months: MonthArchive[] = [...byMonth.entries()].map(([monthText, monthArticles]) => {
      const month = Number(monthText);
      const mm = String(month).padStart(2, '0');
      return { year, month, title: `${year}年${month}月`, url: `/archive/${year}/${mm}/`, articles: monthArticles };
    });
    return { year, title: `${year}年`, url: `/archive/${year}/`, articles, months };
  });
}

/** Group in first-seen order (the input is sorted newest first, so groups are too). */
function groupBy(articles: readonly Article[], keys: (a: Article) => readonly string[]): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    for (const key of keys(article)) {
      const group = groups.get(key);
      if (group) group.push(article);
      else groups.set(key, [article]);
    }
  }
  return groups;
}

function neighboursOf(sorted: readonly Article[]): Map<string, Neighbours> {
  const neighbours = new Map<string, Neighbours>();
  sorted.forEach((article, i) => {
    const newer = sorted[i - 1];
    const older = sorted[i + 1];
    // Filled in field by field, not spread: spreading gave each of these small objects a hidden class of its own (~170 bytes more each).
    const around: { previous?: Article; next?: Article } = {};
    if (older) around.previous = older;
    if (newer) around.next = newer;
    neighbours.set(article.url, around);
  });
  return neighbours;
}
