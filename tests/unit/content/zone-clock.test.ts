import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactWallClockAt, offsetSecondsAt, wallClockAt } from '../../../src/content/zone-clock.js';

const zones = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];

// Days on which these zones changed their offset: the cached answer must still match ICU to the second.
const transitions = [
  ['Asia/Shanghai', '1900-12-31T15:54:17Z'], // LMT +08:05:43 to CST
  ['Asia/Shanghai', '1986-05-03T18:00:00Z'], // daylight saving starts
  ['Asia/Shanghai', '1991-09-14T17:00:00Z'], // and ends for the last time
  ['America/New_York', '2024-03-10T07:00:00Z'],
  ['America/New_York', '2024-11-03T06:00:00Z'],
  ['Australia/Lord_Howe', '2024-04-06T15:00:00Z'], // half-hour daylight saving
  ['Asia/Kathmandu', '1985-12-31T18:30:00Z'], // +05:30 to +05:45
] as const;

function exactOffset(epochMs: number, zone: string): number {
  const w = exactWallClockAt(epochMs, zone);
  return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(epochMs / 1000) * 1000) / 1000;
}

describe('wallClockAt', () => {
  it.each(transitions)('%s around %s agrees with ICU second by second', (zone, at) => {
    const t = Date.parse(at);
    for (const delta of [-86_400_000, -3_600_001, -1000, -1, 0, 1, 999, 1000, 1_800_000, 3_600_000, 43_200_000]) {
      expect(wallClockAt(t + delta, zone)).toEqual(exactWallClockAt(t + delta, zone));
      expect(offsetSecondsAt(t + delta, zone)).toBe(exactOffset(t + delta, zone));
    }
  });

  it.each([
    ['Asia/Shanghai', '2024-01-31T01:30:00Z', { year: 2024, month: 1, day: 31, hour: 9, minute: 30, second: 0, weekday: 3 }, 28800],
    ['Asia/Shanghai', '1900-06-01T00:00:00Z', { year: 1900, month: 6, day: 1, hour: 8, minute: 5, second: 43, weekday: 5 }, 29143],
    ['America/New_York', '2024-07-04T16:00:00.750Z', { year: 2024, month: 7, day: 4, hour: 12, minute: 0, second: 0, weekday: 4 }, -14400],
    ['Asia/Kathmandu', '2024-02-29T18:14:59Z', { year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59, weekday: 4 }, 20700],
  ] as const)('%s at %s', (zone, at, wall, offset) => {
    expect(wallClockAt(Date.parse(at), zone)).toEqual(wall);
    expect(offsetSecondsAt(Date.parse(at), zone)).toBe(offset);
  });

  it('agrees with ICU at any instant from 1800 to 2100 in any of the zones', () => {
    const instant = fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (t, zone) => {
        expect(wallClockAt(t, zone)).toEqual(exactWallClockAt(t, zone));
        expect(offsetSecondsAt(t, zone)).toBe(exactOffset(t, zone));
      }),
      { numRuns: 3000 },
    );
  });
});
