import type { Article } from '../content/types.js';
import { absoluteUrl } from '../render/site-view.js';
import type { SiteModel } from '../site/types.js';
import { toAbsolute } from './to-absolute.js';
import { newsArticleJsonLd, scriptJson } from './json-ld.js';

/** What an article page's `<head>` shows to search engines and social sites. */
export interface ArticleHeadView {
  /** Meta description and og:description: the summary (front matter, else the first paragraph). */
  readonly description: string;
  /** Absolute cover URL, else the publisher logo, for og:image and twitter:image. */
  readonly image?: string;
  readonly url: string;
  readonly publishedTime: string;
  readonly modifiedTime: string;
  /** `summary_large_image` with a cover, `summary` without. */
  readonly twitterCard: string;
  /** The NewsArticle JSON-LD, safe to print unescaped inside `<script>`. */
  readonly jsonLd: string;
}

/** The head metadata of one article page. */
export function articleHead(article: Article, model: SiteModel): ArticleHeadView {
  const { config } = model;
  const image = article.cover ?? config.publisher.logo;
  return {
    description: article.summary,
    ...(image !== undefined && { image: toAbsolute(config.baseUrl, image) }),
    url: absoluteUrl(config, article.url),
    publishedTime: article.date.iso,
    modifiedTime: (article.updated ?? article.date).iso,
    twitterCard: article.cover === undefined ? 'summary' : 'summary_large_image',
    jsonLd: scriptJson(newsArticleJsonLd(article, model)),
  };
}
