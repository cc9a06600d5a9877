/** A metadata field a legacy export may label. */
export type LegacyField = 'date' | 'source' | 'author' | 'editor';

/** One labelled value found in a line, with the 0-based UTF-16 index where its label starts. */
export interface LabelledValue {
  readonly field: LegacyField;
  readonly value: string;
  readonly index: number;
}

// Longest labels first, so `责任编辑` wins over `编辑` and `发布日期` over `日期`. Traditional forms
// include OpenCC's (发布 -> 發佈): a zh-Hant site converts the text before the parser reads it.
const labels: readonly (readonly [string, LegacyField])[] = [
  ['发布日期', 'date'], ['發布日期', 'date'], ['發佈日期', 'date'], ['发布时间', 'date'], ['發布時間', 'date'], ['發佈時間', 'date'],
  ['发表时间', 'date'], ['發表時間', 'date'], ['日期', 'date'], ['时间', 'date'], ['時間', 'date'],
  ['信息来源', 'source'], ['信息來源', 'source'], ['文章来源', 'source'], ['文章來源', 'source'],
  ['来源', 'source'], ['來源', 'source'],
  ['责任编辑', 'editor'], ['責任編輯', 'editor'], ['责编', 'editor'], ['責編', 'editor'], ['编辑', 'editor'], ['編輯', 'editor'],
  ['作者', 'author'], ['记者', 'author'], ['記者', 'author'],
];

const fieldOf = new Map(labels.map(([label, field]) => [label, field]));
const labelPattern = new RegExp(`(${labels.map(([l]) => l).join('|')})\\s*[:：|]\\s*`, 'g');

/**
 * The labelled values in one line (`发布日期：2023-12-20  信息来源：济南日报`), in order.
 * A value runs to the next label or the end of the line.
 */
export function findLabelledValues(line: string): LabelledValue[] {
  const hits = [...line.matchAll(labelPattern)];
  return hits.map((hit, i) => {
    const start = (hit.index ?? 0) + hit[0].length;
    const end = hits[i + 1]?.index ?? line.length;
    const field = fieldOf.get(hit[1] ?? '');
    if (!field) throw new Error(`Internal error: unknown legacy label ${hit[1]}`);
    return { field, value: cleanValue(line.slice(start, end)), index: hit.index ?? 0 };
  });
}

/** The labelled values of a line that starts with a label, or none when it does not. */
export function labelledLine(line: string): LabelledValue[] {
  const found = findLabelledValues(line.trim());
  return found[0]?.index === 0 ? found : [];
}

function cleanValue(raw: string): string {
  // Exports wrap values in brackets and pad them with ideographic or no-break spaces.
  return raw.replace(/[\s\u3000\u00a0]+/g, ' ').replace(/^[\s【\[（(]+|[\s】\]）)]+$/g, '').trim();
}

const datePattern =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(?:T|\s)?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/;

/** The first date in `text` as `YYYY-MM-DD` or `YYYY-MM-DD HH:mm[:ss]`, or undefined when there is none. */
export function findLegacyDate(text: string): string | undefined {
  const m = datePattern.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return undefined;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined || Number(h) > 23 || Number(mi) > 59) return day;
  const time = `${pad(h)}:${pad(mi)}`;
  return s === undefined || Number(s) > 59 ? `${day} ${time}` : `${day} ${time}:${pad(s)}`;
}

function pad(n: string | undefined): string {
  return (n ?? '').padStart(2, '0');
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
