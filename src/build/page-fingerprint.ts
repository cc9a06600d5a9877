import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ZonedDate } from '../content/types.js';
import { articleIdentity } from './article-identity.js';

/** What the theme contributes to every page: its files' hash, and whether templates read the build time only as a day. */
export interface ThemeFingerprint {
  readonly hash: string;
  /** True when every template use of `now` is a day-level filter (`site.now | chineseDate`): pages then depend on the day, not the instant. */
  readonly nowByDay: boolean;
  /** True when templates read an `articles` list only as `.articles.length`: a listing then depends on its count, not its members. */
  readonly articlesByCount: boolean;
}

/** The input fingerprint of one template render. */
export type PageFingerprinter = (template: string, context: Readonly<Record<string, unknown>>) => string;

// Filters that print no more than the day of the date they are given.
const dayOnlyUse = /\bsite\.now\s*\|\s*(?:chineseDate|weekday|ymd)\b/g;
const countOnlyUse = /\.articles\.length\b/g;
// Arrays this long (listings, archives) are hashed once per build, not once per page that shows them.
const sharedArrayLength = 32;

/** Hash every file of the theme folders (a site's own first), with the tool's code and the render options. */
export function themeFingerprint(themeDirs: readonly string[], salt: string): ThemeFingerprint {
  const hash = createHash('sha256').update(salt);
  let nowByDay = true;
  let articlesByCount = true;
  for (const [index, dir] of themeDirs.entries()) {
    const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    for (const name of names) {
      const file = path.join(dir, name);
      if (!statSync(file).isFile()) continue;
      const bytes = readFileSync(file);
      hash.update(`${index}\n${name}\n${bytes.length}\n`).update(bytes);
      if (!name.endsWith('.njk')) continue;
      const text = bytes.toString('utf8');
      nowByDay &&= readsOnly(text, dayOnlyUse, /\bnow\b/);
      articlesByCount &&= readsOnly(text, countOnlyUse, /\barticles\b/);
    }
  }
  return { hash: hash.digest('hex'), nowByDay, articlesByCount };
}

// crypto.hash (Node 20.12+) skips the Hash object: ~40% less time on 11,500 page fingerprints of a few kB.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64url') => string }).hash;

function oneShotDigest(text: string): string {
  return oneShot ? oneShot('sha256', text, 'base64url') : createHash('sha256').update(text).digest('base64url');
}

// Whether `word` appears in a template only in the `allowed` form (and `dump`, which prints everything, not at all).
function readsOnly(source: string, allowed: RegExp, word: RegExp): boolean {
  const rest = source.replace(allowed, '');
  return !word.test(rest) && !/\bdump\b/.test(rest);
}

/**
 * Fingerprints of template renders: a hash of the theme, the template name and everything the
 * template can see. Articles count by their identity (the content-cache key, which decides every
 * field), the site view and long arrays by a hash made once; anything that cannot be told apart
 * (a function) makes the fingerprint unique, so such a page is never reused.
 */
export function pageFingerprinter(theme: ThemeFingerprint, site: object, now: ZonedDate): PageFingerprinter {
  const shared = new WeakMap<object, string>();
  let unique = 0;
  const digest = oneShotDigest;
  const replacer = function (this: unknown, key: string, value: unknown): unknown {
    if (key === '' || value === null || typeof value !== 'object') return typeof value === 'function' ? `@unique:${unique++}` : value;
    if (value === site) return '@site';
    if (key === 'articles' && theme.articlesByCount && Array.isArray(value)) return `@count:${value.length}`;
    const identity = articleIdentity(value);
    if (identity !== undefined) return `@article:${identity}`;
    if (value instanceof Map || value instanceof Set) return { [value.constructor.name]: [...value] };
    if (Array.isArray(value) && value.length >= sharedArrayLength) {
      let hash = shared.get(value);
      if (hash === undefined) {
        hash = digest(JSON.stringify([...value], replacer));
        shared.set(value, hash);
      }
      return `@array:${hash}`;
    }
    return value;
  };
  const day = `${now.year}-${now.month}-${now.day}`;
  const siteHash = digest(JSON.stringify({ ...site, now: theme.nowByDay ? day : now }, replacer));
  const prefix = `${theme.hash}\n${siteHash}\n`;
  return (template, context) => digest(`${prefix}${template}\n${JSON.stringify(context, replacer)}`);
}
