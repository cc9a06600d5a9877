import type { WallClock, ZonedDate } from './types.js';
import { offsetSecondsAt, wallClockAt } from './zone-clock.js';

export type { WallClock };

/** A date as written in front matter: wall-clock fields, maybe an explicit offset. */
export interface ParsedDateText {
  readonly wall: WallClock;
  readonly hasTime: boolean;
  /** Minutes east of UTC when the text carried an offset (`Z`, `+08:00`). */
  readonly offsetMinutes?: number;
}

const DATE_PATTERN =
  /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parse `2023-12-20`, `2023-12-20 09:30`, `2023-12-20T09:30:00+08:00`, `2023/12/20` or
 * `2023年12月20日 09:30`. Returns undefined for anything else, including days that do not exist.
 */
export function parseDateText(text: string): ParsedDateText | undefined {
  const m = DATE_PATTERN.exec(text.trim());
  if (!m) return undefined;
  const wall: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: m[4] === undefined ? 0 : Number(m[4]),
    minute: m[5] === undefined ? 0 : Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
  };
  if (!isRealWallClock(wall)) return undefined;
  const base = { wall, hasTime: m[4] !== undefined };
  return m[7] === undefined ? base : { ...base, offsetMinutes: parseOffset(m[7]) };
}

function parseOffset(text: string): number {
  if (text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

function isRealWallClock(w: WallClock): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  return w.day <= daysInMonth;
}

function wallToUtcMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Offset of `timeZone` from UTC at an instant, in minutes. */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  return Math.round(offsetSecondsAt(epochMs, timeZone) / 60);
}

/** The instant at which the clocks of `timeZone` show `wall` (the earlier one in a DST fold). */
export function instantOfWallClock(wall: WallClock, timeZone: string): number {
  const guess = wallToUtcMs(wall);
  const first = guess - offsetMinutesAt(guess, timeZone) * 60000;
  return guess - offsetMinutesAt(first, timeZone) * 60000;
}

/** The ZonedDate of an instant in `timeZone`. */
export function zonedDate(epochMs: number, timeZone: string, hasTime = true): ZonedDate {
  const wall = wallClockAt(epochMs, timeZone);
  const offset = offsetMinutesAt(epochMs, timeZone);
  return { epochMs, ...wall, hasTime, iso: formatIso(wall, offset) };
}

/** Resolve a parsed date text in the site time zone (an explicit offset wins). */
export function resolveDate(parsed: ParsedDateText, timeZone: string): ZonedDate {
  const epochMs =
    parsed.offsetMinutes === undefined
      ? instantOfWallClock(parsed.wall, timeZone)
      : wallToUtcMs(parsed.wall) - parsed.offsetMinutes * 60000;
  return zonedDate(epochMs, timeZone, parsed.hasTime);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatIso(w: WallClock, offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
