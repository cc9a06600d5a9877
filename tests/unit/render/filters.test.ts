import { describe, expect, it } from 'vitest';
import { chineseDate, chineseDateTime, chineseWeekday, hhmm, isoDateTime, ymd } from '../../../src/render/filters.js';
import { shanghaiDate } from '../../helpers/fixtures.js';

describe('date filters', () => {
  it.each([
    ['2023-12-20T09:30', '2023年12月20日', '星期三', '2023-12-20', '09:30', '2023-12-20T09:30:00+08:00'],
    ['2023-12-21', '2023年12月21日', '星期四', '2023-12-21', '00:00', '2023-12-21T00:00:00+08:00'],
    ['2024-01-07T18:05', '2024年1月7日', '星期日', '2024-01-07', '18:05', '2024-01-07T18:05:00+08:00'],
    ['2024-02-29T23:59', '2024年2月29日', '星期四', '2024-02-29', '23:59', '2024-02-29T23:59:00+08:00'],
  ])('%s is %s %s, %s %s, %s', (text, chinese, weekday, short, time, iso) => {
    const date = shanghaiDate(text);
    expect(chineseDate(date)).toBe(chinese);
    expect(chineseWeekday(date)).toBe(weekday);
    expect(ymd(date)).toBe(short);
    expect(hhmm(date)).toBe(time);
    expect(isoDateTime(date)).toBe(iso);
  });

  it.each([
    ['2023-12-20T09:30', '2023年12月20日 09:30'],
    ['2023-12-20', '2023年12月20日'],
  ])('chineseDateTime shows the time only when the source gave one: %s', (text, shown) => {
    expect(chineseDateTime(shanghaiDate(text))).toBe(shown);
  });

  it.each([undefined, null, '2023-12-20', 20231220])('says what it needs when given %j', (value) => {
    expect(() => ymd(value as never)).toThrow(/^the ymd filter needs a date \(such as article\.date\), got /);
  });
});
