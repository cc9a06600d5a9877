import type { Page } from '../render/page.js';
import type { Writer } from './writer.js';

/** Keeps pages in memory, for tests and the dev server. */
export class MemoryWriter implements Writer {
  private pending = new Map<string, Page>();
  /** Committed pages by output path. */
  pages = new Map<string, Page>();
  committed = false;

  async write(page: Page): Promise<void> {
    this.pending.set(page.outputPath, page);
  }

  async commit(): Promise<void> {
    this.pages = this.pending;
    this.pending = new Map();
    this.committed = true;
  }

  async abort(): Promise<void> {
    this.pending = new Map();
  }

  /** The text of a committed page, or throws when there is none. */
  text(outputPath: string): string {
    const page = this.pages.get(outputPath);
    if (!page) throw new Error(`no page ${outputPath}; have: ${[...this.pages.keys()].slice(0, 20).join(', ')}`);
    return typeof page.contents === 'string' ? page.contents : Buffer.from(page.contents).toString('utf8');
  }
}
