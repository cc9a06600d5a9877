import type { Page } from '../render/page.js';
import type { Writer } from './writer.js';

/**
 * Accepts pages and keeps none: a build that already failed still renders into it, so template
 * problems are reported in the same run as content problems, and nothing reaches the disk.
 */
export class DiscardWriter implements Writer {
  async write(_page: Page): Promise<void> {}

  async commit(): Promise<void> {}

  async abort(): Promise<void> {}
}
