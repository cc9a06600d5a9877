import type { SiteConfig } from '../config/schema.js';
import { parseFrontMatter } from '../content/front-matter.js';
import type { ParsedSource, SourceFormat } from '../content/types.js';
import { failContent } from '../diagnostics/content-error.js';
import type { SourceFile } from '../source/source-file.js';
import { decodeSource } from '../text/decode/index.js';
import type { DecodedSource, RepairResult } from '../text/types.js';

// Temporary: the repair and legacy stages are being written on their own branches.
// These stand-ins read UTF-8 only and are replaced as each stage is merged.

/** Decode one file in the site's settings. */
export function decodeStage(file: SourceFile, config: SiteConfig): DecodedSource {
  return decodeSource(file, { encoding: config.encoding, candidates: config.candidates });
}

/** Normalize and repair decoded text. */
export function repairStage(text: string, path: string, format: SourceFormat, config: SiteConfig): RepairResult {
  void format;
  void config;
  void path;
  return { text: text.replace(/\r\n?/g, '\n').normalize('NFC'), repairs: [], warnings: [] };
}

/** Split a repaired source into metadata and Markdown body. */
export function parseStage(text: string, path: string, format: SourceFormat, config: SiteConfig): ParsedSource {
  void config;
  if (format !== 'markdown') failContent({ file: path, code: 'source/unsupported', message: `${format} sources are not supported yet` });
  return parseFrontMatter(text, path);
}
