import type { SiteModel } from '../site/types.js';
import { urlToOutputPath } from '../site/urls.js';
import { renderArticlePage } from './article-page.js';
import type { Renderer } from './environment.js';
import { modelPageUnits } from './model-page-units.js';
import type { Page } from './page.js';

const contentTypes: Readonly<Record<string, string>> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
};

/**
 * Every page of the site, one at a time: the writer consumes each page before the next is
 * rendered, so a 100,000-article archive never has all its HTML in memory at once.
 */
export function* renderSite(model: SiteModel, renderer: Renderer): Generator<Page> {
  for (const article of model.articles) yield renderArticlePage(article, model, renderer);
  yield* renderModelPages(model, renderer);
  yield* renderAssetPages(renderer);
}

/** The shared pages made from the model (all but article pages and theme assets), in `renderSite`'s order. */
export function* renderModelPages(model: SiteModel, renderer: Renderer): Generator<Page> {
  for (const unit of modelPageUnits(model)) yield* unit.render(renderer);
}

/** The theme's assets (`/assets/site.css`, `/assets/site.js`, ...), a site's own copies first. */
export function* renderAssetPages(renderer: Renderer): Generator<Page> {
  for (const name of renderer.assetNames()) {
    const url = `/${name}`;
    const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    yield {
      url,
      outputPath: urlToOutputPath(url),
      contents: renderer.readAsset(name),
      contentType: contentTypes[extension] ?? 'application/octet-stream',
      origin: `templates/${name}`,
    };
  }
}
