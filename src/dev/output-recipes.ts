import { renderOutputPages } from '../outputs/index.js';
import type { Page } from '../render/page.js';
import type { SiteModel } from '../site/types.js';
import type { PageRecipe } from './page-recipes.js';

/**
 * The feeds, sitemaps, news sitemap and robots.txt of one state of the model. They are made in
 * one pass over the model, so they are rendered together, and only when one of them is requested.
 */
export class OutputPages {
  private pages: Map<string, Page> | undefined;

  private constructor(private readonly model: SiteModel) {}

  /** Render them now (their URLs are needed up front), e.g. after the model was built. */
  static rendered(model: SiteModel): OutputPages {
    const outputs = new OutputPages(model);
    outputs.get('');
    return outputs;
  }

  /** For the model as patched in place: rendered again on the first request. */
  static later(model: SiteModel): OutputPages {
    return new OutputPages(model);
  }

  /** Every output URL. */
  urls(): string[] {
    return [...this.all().keys()];
  }

  /** The recipe of one output page; its input is this set, so a new set means a new page. */
  recipe(url: string, generation: number): PageRecipe {
    return {
      inputs: [generation, this],
      render: () => {
        const page = this.get(url);
        if (page === undefined) throw new Error(`Internal error: no output page ${url} after a patch`);
        return page;
      },
    };
  }

  private get(url: string): Page | undefined {
    return this.all().get(url);
  }

  private all(): Map<string, Page> {
    return (this.pages ??= new Map([...renderOutputPages(this.model)].map((page) => [page.url, page])));
  }
}
