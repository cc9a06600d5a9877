import type { Article } from '../content/types.js';

// On the article itself, not enumerable: a spread or a copy leaves it behind (copies must be told apart
// explicitly), serializers and templates never see it, and reading it is a property load, where a
// WeakMap lookup and insert took 0.3 s of a 100,000-article warm build (profiled).
const identityKey = Symbol('article identity');

interface WithIdentity {
  readonly [identityKey]?: string;
}

/** Record that `article` is entirely decided by `identity` (its content-cache key: source bytes, paths, config, tool). */
export function setArticleIdentity(article: Article, identity: string): void {
  Object.defineProperty(article, identityKey, { value: identity, configurable: true });
}

/** The identity recorded for `article`, or undefined when it has none (built without the cache). */
export function articleIdentity(article: object): string | undefined {
  return (article as WithIdentity)[identityKey];
}

/** Give `copy` the identity of `original`: a copy with the same fields (e.g. its body moved to disk) is the same article. */
export function copyArticleIdentity(original: Article, copy: Article): void {
  const identity = articleIdentity(original);
  if (identity !== undefined) setArticleIdentity(copy, identity);
}
