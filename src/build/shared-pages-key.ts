import * as crypto from 'node:crypto';
import { recentArticles } from '../outputs/news-sitemap.js';
import type { SiteModel } from '../site/types.js';
import { articleIdentity } from './article-identity.js';
import type { ThemeFingerprint } from './page-fingerprint.js';

/**
 * One fingerprint of everything the pages other than article pages and theme assets (listings,
 * archives, feeds, sitemaps, robots.txt, the search page) are made from, or undefined when an
 * article has no identity. The model is built from the articles (each decided by its identity, in
 * order), the config, the build time and whether drafts are in; the pages from the model, the
 * theme and the tool. The build time counts as templates print it (the day, or the instant), plus
 * what the outputs take from it: the news sitemap's two-day window, and the instant itself when a
 * feed has no published article (its `updated` is then the build time).
 */
export function sharedPagesKey(theme: ThemeFingerprint, model: SiteModel): string | undefined {
  const identities: string[] = [];
  for (const article of model.articles) {
    const identity = articleIdentity(article);
    if (identity === undefined) return undefined;
    identities.push(identity);
  }
  const { now } = model;
  const published = (articles: SiteModel['articles']): boolean => articles.some((a) => !a.draft);
  const emptyFeed = !published(model.articles) || model.columns.some((c) => !published(c.articles));
  const time = {
    templates: theme.nowByDay ? `${now.year}-${now.month}-${now.day}` : now,
    news: recentArticles(model).map((a) => a.url),
    ...(emptyFeed && { feeds: now }),
  };
  const text = JSON.stringify({ theme: theme.hash, config: model.config, drafts: model.includesDrafts, time, identities });
  return crypto.createHash('sha256').update(text).digest('base64url');
}
