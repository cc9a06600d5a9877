import type { Article } from '../content/types.js';
import { articleHead } from '../outputs/article-head.js';
import type { SiteModel } from '../site/types.js';
import type { Renderer } from './environment.js';
import { htmlPage, htmlPageContext } from './html-page.js';
import type { Page } from './page.js';

interface ModelLookups {
  readonly columns: ReadonlyMap<string, { readonly name: string; readonly url: string }>;
  readonly tagUrls: ReadonlyMap<string, string>;
}

const lookups = new WeakMap<SiteModel, ModelLookups>();

/** The template that renders article pages. */
export const articleTemplate = 'article.njk';

/** Everything article.njk sees for one article: the article, its head metadata, column, tags, neighbours, site and page. */
export function articlePageContext(article: Article, model: SiteModel): Record<string, unknown> {
  const neighbours = model.neighbours.get(article.url) ?? {};
  const { columns, tagUrls } = lookupsOf(model);
  return htmlPageContext(model, article.url, {
    article,
    head: articleHead(article, model),
    column: article.column === undefined ? undefined : columns.get(article.column),
    tags: article.tags.map((name) => ({ name, url: tagUrls.get(name) ?? `/tags/${name}/` })),
    previous: neighbours.previous,
    next: neighbours.next,
  });
}

/** Render one article's page; the dev server calls this alone when one source changes. */
export function renderArticlePage(article: Article, model: SiteModel, renderer: Renderer): Page {
  const contents = renderer.render(articleTemplate, articlePageContext(article, model));
  return { ...htmlPage(article.url, contents, articleTemplate), origin: article.sourcePath };
}

// Built once per model: the dev server re-renders single articles against the same model.
function lookupsOf(model: SiteModel): ModelLookups {
  let found = lookups.get(model);
  if (found === undefined) {
    found = {
      columns: new Map(model.columns.map((c) => [c.key, { name: c.config.name, url: c.url }])),
      tagUrls: new Map(model.tags.map((t) => [t.name, t.url])),
    };
    lookups.set(model, found);
  }
  return found;
}
