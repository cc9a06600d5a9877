import type { ZonedDate } from '../content/types.js';
import { urlToHref } from '../site/urls.js';

const weekdayNames = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** `2023年12月20日`: the date as Chinese newsrooms print it. */
export function chineseDate(date: ZonedDate): string {
  const d = zoned(date, 'chineseDate');
  return `${d.year}年${d.month}月${d.day}日`;
}

/** `星期三`: the weekday of the date in the site timezone. */
export function chineseWeekday(date: ZonedDate): string {
  const d = zoned(date, 'weekday');
  const name = weekdayNames[d.weekday];
  if (name === undefined) throw new Error(`Internal error: weekday ${d.weekday} out of range`);
  return name;
}

/** `2023-12-20T09:30:00+08:00`: ISO 8601 with the site offset, for `<time datetime>`. */
export function isoDateTime(date: ZonedDate): string {
  return zoned(date, 'isoDate').iso;
}

/** `2023-12-20`. */
export function ymd(date: ZonedDate): string {
  const d = zoned(date, 'ymd');
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** `09:30`, 24-hour clock. */
export function hhmm(date: ZonedDate): string {
  const d = zoned(date, 'hhmm');
  return `${pad(d.hour)}:${pad(d.minute)}`;
}

/** `2023年12月20日 09:30` when the source gave a time of day, else `2023年12月20日`. */
export function chineseDateTime(date: ZonedDate): string {
  const d = zoned(date, 'chineseDateTime');
  return d.hasTime ? `${chineseDate(d)} ${hhmm(d)}` : chineseDate(d);
}

// Characters encodeURIComponent leaves as they are, and the slash it would not see (hrefs are encoded per segment).
const plainHref = /^[\w\-.!~*'()/]*$/;

/** `href`: a site-relative URL as an href; most URLs (ASCII slugs, assets) need no encoding and are returned as they are. */
export function href(url: string): string {
  return typeof url === 'string' && plainHref.test(url) ? url : urlToHref(url);
}

/** The filters the templates use, by name. */
export const dateFilters = {
  chineseDate,
  weekday: chineseWeekday,
  isoDate: isoDateTime,
  ymd,
  hhmm,
  chineseDateTime,
} as const satisfies Readonly<Record<string, (date: ZonedDate) => string>>;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// Templates are user code: a filter applied to something that is not a date must say so,
// not print "undefined年NaN月".
function zoned(value: unknown, filter: string): ZonedDate {
  const d = value as Partial<ZonedDate> | null | undefined;
  if (d === null || typeof d !== 'object' || typeof d.year !== 'number' || typeof d.iso !== 'string') {
    throw new TypeError(`the ${filter} filter needs a date (such as article.date), got ${describe(value)}`);
  }
  return d as ZonedDate;
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
