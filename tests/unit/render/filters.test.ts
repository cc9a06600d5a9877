import { describe, expect, it } from 'vitest';
import { chineseDate, chineseDateTime, chineseWeekday, hhmm, href, isoDateTime, ymd } from '../../../src/render/filters.js';
import { urlToHref } from '../../../src/site/urls.js';
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

describe('href filter', () => {
  it.each([
    ['/articles/a000001/', '/articles/a000001/'],
    ['/assets/site.css', '/assets/site.css'],
    ["/it's-(new)_~!*/", "/it's-(new)_~!*/"],
    ['/tags/经济/', '/tags/%E7%BB%8F%E6%B5%8E/'],
    ['/a b/', '/a%20b/'],
    ['/100%/', '/100%25/'],
    ['/search/?q=1#top', '/search/%3Fq%3D1%23top'],
  ])('%s becomes %s, as urlToHref makes it', (url, expected) => {
    expect(href(url)).toBe(expected);
    expect(href(url)).toBe(urlToHref(url));
  });
});
