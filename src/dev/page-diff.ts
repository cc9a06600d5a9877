import type { Page } from '../render/page.js';
import { sameInputs, type PageRecipe } from './page-recipes.js';

/** A page as last rendered, with the inputs it was rendered from. */
export interface RenderedPage {
  readonly inputs: readonly unknown[];
  readonly page: Page;
}

/**
 * The URLs whose page differs between two sets of recipes. A rendered page whose inputs changed
 * is rendered again (updating `rendered`) and counts only when its contents differ. A page never
 * rendered is open in no browser, so it is left to be rendered on request and does not count.
 * Added and removed pages always count; a render failure goes to `onError` and counts too.
 */
export function changedPages(
  before: ReadonlyMap<string, PageRecipe>,
  after: ReadonlyMap<string, PageRecipe>,
  rendered: Map<string, RenderedPage>,
  onError: (error: unknown) => void,
  renderedUrls: string[] = [],
): string[] {
  const changed: string[] = [];
  for (const [url, old] of before) {
    const recipe = after.get(url);
    if (recipe === undefined) {
      rendered.delete(url);
      changed.push(url);
    } else if (!sameInputs(old.inputs, recipe.inputs) && renderAgain(url, recipe, rendered, onError, renderedUrls)) {
      changed.push(url);
    }
  }
  for (const url of after.keys()) if (!before.has(url)) changed.push(url);
  return changed.sort();
}

/**
 * Render a page again from its new recipe when it was rendered before (noting its URL in
 * `renderedUrls`); true when its contents changed or its render failed.
 */
export function renderAgain(url: string, recipe: PageRecipe, rendered: Map<string, RenderedPage>, onError: (error: unknown) => void, renderedUrls: string[]): boolean {
  const cached = rendered.get(url);
  if (cached === undefined) return false;
  renderedUrls.push(url);
  try {
    const page = recipe.render();
    rendered.set(url, { inputs: recipe.inputs, page });
    return !sameContents(cached.page.contents, page.contents);
  } catch (error) {
    rendered.delete(url);
    onError(error);
    return true;
  }
}

/** True when two page bodies are the same text or the same bytes. */
export function sameContents(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
