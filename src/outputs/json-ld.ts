import type { Article } from '../content/types.js';
import { absoluteUrl } from '../render/site-view.js';
import type { SiteModel } from '../site/types.js';
import { toAbsolute } from './to-absolute.js';

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json | undefined };

/**
 * schema.org NewsArticle for one article, with every property Google recommends for articles
 * (headline, image, datePublished, dateModified, author with name and url) plus publisher,
 * editor, isBasedOn (the source) and the page it describes.
 */
export function newsArticleJsonLd(article: Article, model: SiteModel): Record<string, Json | undefined> {
  const { config } = model;
  const publisherName = config.publisher.name ?? config.title;
  const home = absoluteUrl(config, '/');
  const logo = config.publisher.logo === undefined ? undefined : toAbsolute(config.baseUrl, config.publisher.logo);
  const organization = { '@type': 'Organization', name: publisherName, url: home };
  const image = article.cover ?? config.publisher.logo;
  const column = model.columns.find((c) => c.key === article.column);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': absoluteUrl(config, article.url) },
    headline: article.title,
    description: article.summary,
    inLanguage: config.language,
    ...(image !== undefined && { image: [toAbsolute(config.baseUrl, image)] }),
    datePublished: article.date.iso,
    dateModified: (article.updated ?? article.date).iso,
    // Without a named author the newsroom itself is the author, which Google accepts.
    author: article.author === undefined ? [organization] : [person(article.author, article.extra['authorUrl'])],
    ...(article.editor !== undefined && { editor: { '@type': 'Person', name: article.editor } }),
    publisher: { ...organization, ...(logo !== undefined && { logo: { '@type': 'ImageObject', url: logo } }) },
    ...(article.source !== undefined && { isBasedOn: source(article.source) }),
    ...(column !== undefined && { articleSection: column.config.name }),
    ...(article.tags.length > 0 && { keywords: article.tags.join(',') }),
    wordCount: article.charCount,
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` as `\u003c`, so no `</script>` or `<!--` can end or change the script. */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('<') ? json.replace(/</g, '\\u003c') : json;
}

function person(name: string, url: unknown): Record<string, Json> {
  return { '@type': 'Person', name, ...(typeof url === 'string' && /^https?:\/\//.test(url) && { url }) };
}

// `source` is usually an organization's name (`区政府办公室`), sometimes the URL of the original.
function source(text: string): Record<string, Json> {
  return /^https?:\/\//.test(text) ? { '@type': 'CreativeWork', url: text } : { '@type': 'CreativeWork', name: text };
}
