import type { SiteConfig } from '../config/schema.js';
import { parseFrontMatter } from '../content/front-matter.js';
import type { ParsedSource, SourceFormat } from '../content/types.js';
import { failContent } from '../diagnostics/content-error.js';
import type { SourceFile } from '../source/source-file.js';
import type { DecodedSource, RepairResult } from '../text/types.js';

// Temporary: the decode, repair and legacy stages are being written on their own branches.
// These stand-ins read UTF-8 only and are replaced as each stage is merged.

/** Decode one file in the site's settings. */
export function decodeStage(file: SourceFile, config: SiteConfig): DecodedSource {
  void config;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file.bytes);
    return { path: file.path, text, encoding: 'utf-8', confidence: 1, decidedBy: 'utf8' };
  } catch {
    failContent({ file: file.path, code: 'decode/invalid-bytes', message: 'not valid UTF-8' });
  }
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
