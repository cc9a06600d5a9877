import type { Article } from '../content/types.js';
import type { Page } from '../render/page.js';
import { absoluteUrl } from '../render/site-view.js';
import type { SiteModel } from '../site/types.js';
import { outputPage } from './output-page.js';
import { buildXml, type XmlElement } from './xml.js';

const TWO_DAYS_MS = 2 * 24 * 60 * 60 * 1000;
// Google News reads at most 1,000 URLs from one news sitemap.
const MAX_NEWS_URLS = 1000;

/** The articles a news sitemap lists: published in the two days up to the build time, newest first. */
export function recentArticles(model: SiteModel): Article[] {
  const from = model.now.epochMs - TWO_DAYS_MS;
  return model.articles
    .filter((a) => !a.draft && a.date.epochMs >= from && a.date.epochMs <= model.now.epochMs)
    .slice(0, MAX_NEWS_URLS);
}

/**
 * The first build time after the model's at which `recentArticles` could list other articles: an
 * article's date coming due, or an article's date falling out of the window (Infinity: never).
 */
export function recentArticlesChange(model: SiteModel): number {
  const now = model.now.epochMs;
  let next = Infinity;
  for (const { date } of model.articles) {
    const change = date.epochMs > now ? date.epochMs : date.epochMs + TWO_DAYS_MS + 1;
    if (change > now && change < next) next = change;
  }
  return next;
}

/** Google News wants ISO 639 codes, except `zh-cn` and `zh-tw` for the two Chinese scripts. */
export function newsLanguage(language: string): string {
  const tag = language.toLowerCase();
  if (!tag.startsWith('zh')) return tag.split('-')[0] ?? tag;
  return /-(tw|hk|mo|hant)\b/.test(tag) ? 'zh-tw' : 'zh-cn';
}

/** `/news-sitemap.xml`: a Google News sitemap of the last two days' articles. */
export function renderNewsSitemap(model: SiteModel): Page {
  const { config } = model;
  const publication = { name: config.publisher.name ?? config.title, language: newsLanguage(config.language) };
  const urls: XmlElement[] = recentArticles(model).map((a) => ({
    loc: absoluteUrl(config, a.url),
    'news:news': {
      'news:publication': { 'news:name': publication.name, 'news:language': publication.language },
      'news:publication_date': a.date.iso,
      'news:title': a.title,
    },
  }));
  const xml = buildXml({
    urlset: {
      '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      '@_xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
      url: urls,
    },
  });
  return outputPage('/news-sitemap.xml', xml, 'application/xml; charset=utf-8', 'news sitemap');
}
