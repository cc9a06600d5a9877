import { createHash } from 'node:crypto';
import { recentArticlesChange } from '../outputs/news-sitemap.js';
import { modelPageUnits } from '../render/index.js';
import type { SiteModel } from '../site/types.js';
import { articleIdentity } from './article-identity.js';
import type { ThemeFingerprint } from './page-fingerprint.js';
import type { LoadedManifest, OutputRecord } from './page-manifest.js';

/**
 * A digest of the model's articles in its order by identity (the content-cache key, which decides
 * every field); undefined when an article has no identity (a build without the cache).
 */
export function articlesDigest(model: SiteModel): string | undefined {
  const identities: string[] = [];
  for (const article of model.articles) {
    const identity = articleIdentity(article);
    if (identity === undefined) return undefined;
    identities.push(identity);
  }
  return createHash('sha256').update(identities.join('\n')).digest('base64url');
}

/**
 * A digest of everything a build's pages are made from except the build time: the theme and tool
 * (`theme.hash`), the config, whether drafts are in, the public files' stamps, and the articles
 * (`articlesDigest`). Undefined without the articles' digest.
 */
export function outputInputs(site: Pick<SiteModel, 'config' | 'includesDrafts'>, articles: string | undefined, theme: ThemeFingerprint, publicFiles: string): string | undefined {
  if (articles === undefined) return undefined;
  const text = JSON.stringify({ theme: theme.hash, config: site.config, drafts: site.includesDrafts, publicFiles });
  return createHash('sha256').update(text).update('\n').update(articles).digest('base64url');
}

/**
 * Whether the previous output is exactly what this build would write, so there is nothing to do:
 * the same inputs, a build time within the span over which they give the same pages, and every
 * file as that build left it.
 */
export function outputUnchanged(loaded: LoadedManifest | undefined, inputs: string | undefined, nowMs: number): boolean {
  const previous = loaded?.manifest.output;
  if (!loaded?.intact || !previous || inputs === undefined) return false;
  return previous.inputs === inputs && previous.since <= nowMs && nowMs < previous.until;
}

const hourMs = 60 * 60 * 1000;

/**
 * The record of an output written from `inputs`: from this build time until the first one at which
 * the same inputs could give other pages. That is the next day when templates print the build
 * time's day (an hour early, for a daylight-saving shift), never when they print more of it or an
 * empty feed prints it (on a site without a published article); sooner when an article enters or leaves the news sitemap's window, or a
 * future article left out (`firstFutureMs`) is due.
 */
export function outputRecord(model: SiteModel, theme: ThemeFingerprint, inputs: string, firstFutureMs: number | undefined): OutputRecord {
  const since = model.now.epochMs;
  if (!theme.nowByDay || printsBuildTime(model)) return { inputs, since, until: since };
  const { hour, minute, second } = model.now;
  const nextDay = since - ((hour * 60 + minute) * 60 + second) * 1000 - (since % 1000) + 24 * hourMs - hourMs;
  return { inputs, since, until: Math.min(nextDay, recentArticlesChange(model), firstFutureMs ?? Infinity) };
}

// A shared page whose group holds the build time itself (an empty feed's `updated` on a site without a published article) changes on every build.
function printsBuildTime(model: SiteModel): boolean {
  for (const unit of modelPageUnits(model)) if (Object.hasOwn(unit.group, 'now')) return true;
  return false;
}
