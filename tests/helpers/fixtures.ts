import { siteConfigSchema, type SiteConfigInput } from '../../src/config/schema.js';
import { decideSearch } from '../../src/site/search-default.js';
import type { Article, ZonedDate } from '../../src/content/types.js';
import type { MonthArchive, Neighbours, SiteModel, YearArchive } from '../../src/site/types.js';

/** A date in UTC+8 (Asia/Shanghai) from `2023-12-20` or `2023-12-20T09:30`. */
export function shanghaiDate(text: string): ZonedDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(text);
  if (!match) throw new Error(`bad fixture date ${text}`);
  const [year, month, day, hour, minute] = match.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number];
  const epochMs = Date.UTC(year, month - 1, day, hour - 8, minute);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return {
    epochMs,
    iso: `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00+08:00`,
    year,
    month,
    day,
    hour,
    minute,
    second: 0,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    hasTime: match[4] !== undefined,
  };
}

let counter = 0;

/** An article with plausible defaults; `overrides` replace any field. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  counter++;
  const slug = overrides.slug ?? `article-${counter}`;
  const date = overrides.date ?? shanghaiDate('2023-12-20T09:30');
  return {
    sourcePath: `content/${slug}.md`,
    format: 'markdown',
    slug,
    url: `/${date.year}/${String(date.month).padStart(2, '0')}/${slug}/`,
    title: `历下区召开经济工作会议 ${counter}`,
    date,
    tags: [],
    summary: '会议总结了全年经济工作。',
    draft: false,
    html: '<p>会议总结了全年经济工作。</p>\n<h2 id="section-1">一、主要成绩</h2>\n<p>全区生产总值稳步增长。</p>',
    text: '会议总结了全年经济工作。\n一、主要成绩\n全区生产总值稳步增长。',
    sections: [{ heading: '一、主要成绩', id: 'section-1' }],
    charCount: 30,
    readingMinutes: 1,
    extra: {},
    ...overrides,
  };
}

/** A site model built by hand the way the site stage builds it: newest first, columns, tags, archive. */
export function makeSiteModel(
  articles: readonly Article[],
  configOverrides: Partial<SiteConfigInput> = {},
  modelOverrides: Partial<Pick<SiteModel, 'now' | 'includesDrafts'>> = {},
): SiteModel {
  // As buildSiteModel does: `search` left out is decided by the number of articles.
  const config = decideSearch(siteConfigSchema.parse({ title: '历下区人民政府', baseUrl: 'https://www.lixia.gov.cn', ...configOverrides }));
  const sorted = [...articles].sort((a, b) => b.date.epochMs - a.date.epochMs || (a.url < b.url ? -1 : 1));
  const neighbours = new Map<string, Neighbours>();
  sorted.forEach((article, i) => {
    const previous = sorted[i + 1];
    const next = sorted[i - 1];
    neighbours.set(article.url, { ...(previous ? { previous } : {}), ...(next ? { next } : {}) });
  });
  const tagNames = [...new Set(sorted.flatMap((a) => a.tags))].sort();
  return {
    config,
    articles: sorted,
    columns: config.columns.map((c) => ({
      key: c.key,
      config: c,
      title: c.name,
      url: `/columns/${c.key}/`,
      articles: sorted.filter((a) => a.column === c.key),
    })),
    tags: tagNames.map((name) => ({ name, title: name, url: `/tags/${name}/`, articles: sorted.filter((a) => a.tags.includes(name)) })),
    years: yearsOf(sorted),
    neighbours,
    now: modelOverrides.now ?? shanghaiDate('2023-12-21T08:00'),
    includesDrafts: modelOverrides.includesDrafts ?? false,
  };
}

function yearsOf(sorted: readonly Article[]): YearArchive[] {
  const years = [...new Set(sorted.map((a) => a.date.year))];
  return years.map((year) => {
    const inYear = sorted.filter((a) => a.date.year === year);
    const months: MonthArchive[] = [...new Set(inYear.map((a) => a.date.month))].map((month) => ({
      year,
      month,
      title: `${year}年${month}月`,
      url: `/archive/${year}/${String(month).padStart(2, '0')}/`,
      articles: inYear.filter((a) => a.date.month === month),
    }));
    return { year, title: `${year}年`, url: `/archive/${year}/`, articles: inYear, months };
  });
}

/**
 * 25 articles, one a day from 2023-11-20 to 2023-12-14 (11 in November, 14 in December), in
 * pages of 10: the first 12 in column `news`, the rest in `notice`, every fifth tagged 经济.
 */
export function dailyModel(): SiteModel {
  const articles = Array.from({ length: 25 }, (_, i) => {
    const day = new Date(Date.UTC(2023, 10, 20 + i));
    return makeArticle({
      slug: `a${i + 1}`,
      title: `第${i + 1}篇`,
      date: shanghaiDate(day.toISOString().slice(0, 10)),
      source: i % 2 === 0 ? '济南日报' : '历下区融媒体中心',
      summary: `摘要${i + 1}`,
      column: i < 12 ? 'news' : 'notice',
      tags: i % 5 === 0 ? ['经济'] : [],
    });
  });
  return makeSiteModel(articles, {
    pageSize: 10,
    columns: [
      { key: 'news', name: '区县动态' },
      { key: 'notice', name: '通知公告' },
    ],
  });
}
