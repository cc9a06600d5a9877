import type { SiteConfig } from '../config/schema.js';
import { parseFrontMatter } from '../content/front-matter.js';
import { parseLegacyHtml } from '../content/legacy-html.js';
import { parseLegacyText } from '../content/legacy-text.js';
import type { ParsedSource, SourceFormat } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';
import { decodeSource } from '../text/decode/index.js';
import { repairText } from '../text/repair/index.js';
import type { DecodedSource, RepairResult } from '../text/types.js';

/** Decode one file with the site's encoding declarations and candidates. */
export function decodeStage(file: SourceFile, config: SiteConfig): DecodedSource {
  return decodeSource(file, { encoding: config.encoding, candidates: config.candidates });
}

const repairFormats: Readonly<Record<SourceFormat, 'markdown' | 'text' | 'html'>> = {
  markdown: 'markdown',
  'legacy-text': 'text',
  'legacy-html': 'html',
};

/** Normalize and repair decoded text with the site's rules and script. */
export function repairStage(text: string, path: string, format: SourceFormat, config: SiteConfig): RepairResult {
  return repairText(text, { path, format: repairFormats[format], script: config.script, rules: config.repair });
}

/** A parsed source and the warnings its parser raised. */
export interface ParseOutcome {
  readonly parsed: ParsedSource;
  readonly warnings: readonly Diagnostic[];
}

/** Split a repaired source into metadata and a Markdown body, by its format. */
export function parseStage(text: string, path: string, format: SourceFormat): ParseOutcome {
  switch (format) {
    case 'markdown':
      return { parsed: parseFrontMatter(text, path), warnings: [] };
    case 'legacy-text': {
      const parsed = parseLegacyText(text, { path });
      return { parsed, warnings: parsed.warnings };
    }
    case 'legacy-html': {
      const parsed = parseLegacyHtml(text, { path });
      return { parsed, warnings: parsed.warnings };
    }
  }
}
