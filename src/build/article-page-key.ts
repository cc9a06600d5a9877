import * as crypto from 'node:crypto';
import type { Article } from '../content/types.js';
import { siteView } from '../render/site-view.js';
import type { SiteModel } from '../site/types.js';
import { articleIdentity } from './article-identity.js';
import type { ThemeFingerprint } from './page-fingerprint.js';

/** An article page's input fingerprint from cheap inputs, or undefined when the article or a neighbour has no identity. */
export type ArticlePageKeyer = (article: Article) => string | undefined;

const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64url') => string }).hash;

function digest(text: string): string {
  return oneShot ? oneShot('sha256', text, 'base64url') : crypto.createHash('sha256').update(text).digest('base64url');
}

/**
 * Keys for article pages that never build the template context. The article template sees the
 * article and its two neighbours (each decided by its identity, the content-cache key), its head
 * and JSON-LD (the article, the config and the columns' names), its column and tag links (the
 * columns' URLs; a tag's follows from its name), the site view and the page meta (the config, the URL, the build time).
 * Everything but the three identities and the URL is the same for every article page: it is hashed
 * once per build. `articlePageContext` must see nothing else; the page-reuse tests change each input.
 */
export function articlePageKeyer(theme: ThemeFingerprint, model: SiteModel, template: string): ArticlePageKeyer {
  const { now } = model;
  const view = { ...siteView(model), now: theme.nowByDay ? `${now.year}-${now.month}-${now.day}` : now };
  const shared = digest(
    JSON.stringify({
      theme: theme.hash,
      template,
      view,
      config: model.config,
      // Tags are not here: a tag's URL is made from its name alone, so a new tag elsewhere changes no article page.
      columns: model.columns.map((c) => [c.key, c.config.name, c.url]),
    }),
  );
  return (article) => {
    const identity = articleIdentity(article);
    if (identity === undefined) return undefined;
    const { previous, next } = model.neighbours.get(article.url) ?? {};
    const neighbours = [previous, next].map((n) => (n === undefined ? '-' : articleIdentity(n)));
    if (neighbours.includes(undefined)) return undefined;
    return `@key:${digest(`${shared}\n${article.url}\n${identity}\n${neighbours.join('\n')}`)}`;
  };
}
