import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Page } from '../render/page.js';
import type { OutputRegistry } from '../write/collisions.js';
import { FsWriter } from '../write/fs-writer.js';
import type { Writer } from '../write/writer.js';

/** Claim a page's output path; a collision is reported in `diagnostics` and the page must not be written. */
export function claimOutput(registry: OutputRegistry, page: Page, diagnostics: Diagnostic[], overridesTheme = false): boolean {
  const collision = registry.claim(page, overridesTheme);
  if (collision) diagnostics.push(collision);
  return collision === undefined;
}

/** Claim a page's output path and write it, or hard-link `linkFrom` for it; a collision is reported, not written. */
export async function writeClaimed(writer: Writer, registry: OutputRegistry, page: Page, diagnostics: Diagnostic[], overridesTheme = false, linkFrom?: string): Promise<void> {
  if (!claimOutput(registry, page, diagnostics, overridesTheme)) return;
  if (linkFrom !== undefined && writer instanceof FsWriter) await writer.link(page, linkFrom);
  else await writer.write(page);
}
