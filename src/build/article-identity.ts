import type { Article } from '../content/types.js';

// Keyed by object: an article's identity lives as long as the article, and copies must be told apart explicitly.
const identities = new WeakMap<Article, string>();

/** Record that `article` is entirely decided by `identity` (its content-cache key: source bytes, paths, config, tool). */
export function setArticleIdentity(article: Article, identity: string): void {
  identities.set(article, identity);
}

/** The identity recorded for `article`, or undefined when it has none (built without the cache). */
export function articleIdentity(article: object): string | undefined {
  return identities.get(article as Article);
}

/** Give `copy` the identity of `original`: a copy with the same fields (e.g. its body moved to disk) is the same article. */
export function copyArticleIdentity(original: Article, copy: Article): void {
  const identity = identities.get(original);
  if (identity !== undefined) identities.set(copy, identity);
}
