import * as crypto from 'node:crypto';
import type { ModelPageUnit } from '../render/model-page-units.js';
import { siteView } from '../render/site-view.js';
import type { SiteModel } from '../site/types.js';
import { articleIdentity } from './article-identity.js';
import type { ThemeFingerprint } from './page-fingerprint.js';

/** A shared page unit's input key, or undefined when it cannot be keyed (an article without identity, a function). */
export type SharedUnitKeyer = (unit: ModelPageUnit) => string | undefined;

const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64url') => string }).hash;

function digest(text: string): string {
  return oneShot ? oneShot('sha256', text, 'base64url') : crypto.createHash('sha256').update(text).digest('base64url');
}

// Arrays this long (a listing's articles) are hashed once per build, however many pages show them.
const sharedArrayLength = 32;

/** Thrown by the replacer: the group cannot be keyed. */
class Unkeyable extends Error {}

/**
 * Keys for the shared pages (listings, archives, feeds, sitemaps, robots.txt, the search page)
 * that never build a template context. A unit is made from its group (template, listing and
 * template data; or what an output lists), its own page number and articles, and the site: the
 * theme and tool, the config, the site view with the build time as templates print it, and
 * whether drafts are in. Articles count by identity (the content-cache key, which decides every
 * field); a listing's whole article list by its length when templates read no more of it
 * (`articlesByCount`), else by its members. A listing page's pagination and page meta follow from
 * its group, its number and the config. Groups are hashed once per build; a page then costs one
 * hash of its number and its articles' identities.
 */
export function sharedUnitKeyer(theme: ThemeFingerprint, model: SiteModel): SharedUnitKeyer {
  const { now } = model;
  const view = { ...siteView(model), now: theme.nowByDay ? `${now.year}-${now.month}-${now.day}` : now };
  const site = digest(JSON.stringify({ theme: theme.hash, config: model.config, view, drafts: model.includesDrafts }));
  const arrays = new WeakMap<object, string>();
  const groups = new WeakMap<object, string | undefined>();
  const replacer = function (key: string, value: unknown): unknown {
    if (typeof value === 'function') throw new Unkeyable();
    if (key === '' || value === null || typeof value !== 'object') return value;
    if (key === 'articles' && theme.articlesByCount && Array.isArray(value)) return `@count:${value.length}`;
    if (!Array.isArray(value)) return identityOf(value) ?? value;
    if (value.length < sharedArrayLength) return value;
    let hash = arrays.get(value);
    if (hash === undefined) {
      hash = digest(JSON.stringify([...value], replacer));
      arrays.set(value, hash);
    }
    return `@array:${hash}`;
  };
  const groupKey = (group: object): string | undefined => {
    if (groups.has(group)) return groups.get(group);
    let key: string | undefined;
    try {
      key = digest(JSON.stringify(group, replacer));
    } catch (error) {
      if (!(error instanceof Unkeyable)) throw error;
    }
    groups.set(group, key);
    return key;
  };
  return (unit) => {
    const group = groupKey(unit.group);
    if (group === undefined) return undefined;
    if (unit.own === undefined) return digest(`${site}\n${unit.id}\n${group}`);
    const items: string[] = [];
    for (const article of unit.own.items) {
      const identity = articleIdentity(article);
      if (identity === undefined) return undefined;
      items.push(identity);
    }
    return digest(`${site}\n${unit.id}\n${group}\n${unit.own.pageNumber}\n${items.join('\n')}`);
  };
}

// An object the template sees as an article is replaced by its identity; one without identity makes the group unkeyable.
function identityOf(value: object): string | undefined {
  const identity = articleIdentity(value);
  if (identity !== undefined) return `@article:${identity}`;
  if ('sourcePath' in value && 'html' in value) throw new Unkeyable();
  return undefined;
}
