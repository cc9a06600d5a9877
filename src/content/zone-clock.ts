import type { WallClock } from './types.js';

/** Wall-clock fields of an instant in a time zone, with the weekday (0 = Sunday). */
export interface ZonedWallClock extends WallClock {
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall clock of `timeZone` at an instant, as ICU tells it (one formatToParts call). */
export function exactWallClockAt(epochMs: number, timeZone: string): ZonedWallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

function exactOffsetSeconds(epochMs: number, timeZone: string): number {
  const w = exactWallClockAt(epochMs, timeZone);
  return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(epochMs / 1000) * 1000) / 1000;
}

const DAY_MS = 86_400_000;
// ICU counts Julian dates before 1582 and Date.UTC reads years below 100 as 19xx: outside these bounds only ICU answers.
const CACHED_FROM = Date.UTC(1600, 0, 1);
const CACHED_UNTIL = Date.UTC(9999, 0, 1);
/** Per zone, per UTC day: the offset in seconds that holds all day, or null on a day the offset changes. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/**
 * Offset of `timeZone` from UTC at an instant, in seconds (LMT offsets are not whole minutes). ICU's
 * formatToParts costs microseconds, so it is asked at both ends of each UTC day once: an offset that is the
 * same at both ends holds all day (no zone changes its offset and back within one day).
 */
export function offsetSecondsAt(epochMs: number, timeZone: string): number {
  if (epochMs < CACHED_FROM || epochMs >= CACHED_UNTIL) return exactOffsetSeconds(epochMs, timeZone);
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  const day = Math.floor(epochMs / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = exactOffsetSeconds(day * DAY_MS, timeZone);
    offset = start === exactOffsetSeconds((day + 1) * DAY_MS - 1000, timeZone) ? start : null;
    days.set(day, offset);
  }
  return offset ?? exactOffsetSeconds(epochMs, timeZone);
}

/** The wall clock of `timeZone` at an instant: the UTC fields of the instant shifted by the zone's offset. */
export function wallClockAt(epochMs: number, timeZone: string): ZonedWallClock {
  if (epochMs < CACHED_FROM || epochMs >= CACHED_UNTIL) return exactWallClockAt(epochMs, timeZone);
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offsetSecondsAt(epochMs, timeZone) * 1000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}
