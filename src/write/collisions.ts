import { errorDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Page } from '../render/page.js';

/** Remembers which source produced each output path, and refuses a second page at the same path. */
export class OutputRegistry {
  private readonly origins = new Map<string, string>();

  /**
   * The diagnostic for a page whose path is taken, or undefined after recording it.
   * A file in public/ may replace a theme asset of the same name (`overridesTheme`).
   */
  claim(page: Page, overridesTheme = false): Diagnostic | undefined {
    const key = page.outputPath.normalize('NFC').toLowerCase();
    const first = this.origins.get(key);
    if (first === undefined || (overridesTheme && first.startsWith('templates/assets/'))) {
      this.origins.set(key, page.origin);
      return undefined;
    }
    return errorDiagnostic({
      file: page.origin,
      code: 'output/collision',
      message: `${page.outputPath} would be written twice: by ${first} and by ${page.origin}`,
      note: 'give one of them another slug (front matter "slug: ...")',
    });
  }

  /** Number of distinct pages claimed. */
  get size(): number {
    return this.origins.size;
  }
}
