import { siteConfigSchema } from '../../src/config/schema.js';
import { parseDateText, resolveDate, zonedDate } from '../../src/content/dates.js';
import type { Article, ZonedDate } from '../../src/content/types.js';
import { buildSiteModel } from '../../src/site/model.js';
import type { SiteModel } from '../../src/site/types.js';
import { siteConfig } from './site.js';

/** A date in Asia/Shanghai from text such as `2024-01-10 09:30`. */
export function shanghai(text: string, timeZone = 'Asia/Shanghai'): ZonedDate {
  const parsed = parseDateText(text);
  if (!parsed) throw new Error(`bad test date ${text}`);
  return resolveDate(parsed, timeZone);
}

/** An article with sensible defaults; `date` is Shanghai wall-clock text. */
export function testArticle(fields: Partial<Omit<Article, 'date'>> & { slug: string; date: string }): Article {
  const { date, ...rest } = fields;
  const d = shanghai(date);
  return {
    sourcePath: `content/${fields.slug}.md`,
    format: 'markdown',
    url: `/${d.year}/${String(d.month).padStart(2, '0')}/${fields.slug}/`,
    title: `标题 ${fields.slug}`,
    tags: [],
    summary: `摘要 ${fields.slug}`,
    draft: false,
    html: `<p>正文 ${fields.slug}</p>\n`,
    text: `正文 ${fields.slug}`,
    sections: [],
    charCount: 100,
    readingMinutes: 1,
    extra: {},
    ...rest,
    date: d,
  };
}

/** A site model over `articles` with the test site config (plus overrides), built at `now` (Shanghai text). */
export function testModel(articles: readonly Article[], overrides: Record<string, unknown> = {}, now = '2024-01-10 12:00'): SiteModel {
  const config = siteConfigSchema.parse(siteConfig(overrides));
  return buildSiteModel(articles, { config, now: zonedDate(shanghai(now).epochMs, config.timezone), includesDrafts: false });
}
