import { describe, expect, it } from 'vitest';
import { rfc822Date } from '../../../src/outputs/rfc822-date.js';
import { shanghai } from '../../helpers/model.js';

describe('rfc822Date', () => {
  it.each([
    ['2023-12-20 09:30', 'Asia/Shanghai', 'Wed, 20 Dec 2023 09:30:00 +0800'],
    ['2024-01-01', 'Asia/Shanghai', 'Mon, 01 Jan 2024 00:00:00 +0800'],
    ['2024-01-15 08:05:09', 'America/New_York', 'Mon, 15 Jan 2024 08:05:09 -0500'],
    ['2024-07-15 08:05', 'America/New_York', 'Mon, 15 Jul 2024 08:05:00 -0400'],
    ['2024-02-29 23:59', 'UTC', 'Thu, 29 Feb 2024 23:59:00 +0000'],
  ])('%s in %s is %s, the same instant', (text, zone, expected) => {
    const date = shanghai(text, zone);
    expect(rfc822Date(date)).toBe(expected);
    expect(Date.parse(expected)).toBe(date.epochMs);
  });
});
