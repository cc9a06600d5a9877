import { failContent, type Diagnostic } from '../diagnostics/index.js';
import { decodeSource, defaultCandidates } from '../text/decode/index.js';
import { repairText } from '../text/repair/index.js';
import type { Repair, ScriptSetting } from '../text/types.js';
import { parseLegacyHtml } from './legacy-html.js';
import type { LegacyParsedSource, LegacySection } from './legacy-source.js';
import { parseLegacyText } from './legacy-text.js';

/** Options of `importLegacy`. */
export interface ImportLegacyOptions {
  /** The file's path: its extension picks the parser (`.txt`, `.html`, `.htm`); used in diagnostics. */
  readonly path: string;
  /** Target script of the repair stage; default `keep`. */
  readonly script?: ScriptSetting;
  /** Absolute URL relative image and link addresses in an HTML export are resolved against. */
  readonly baseUrl?: string;
  /** An encoding to use instead of detecting one (iconv-lite name). */
  readonly encoding?: string;
  /** Encodings the detector may choose from; default utf-8, gb18030, big5, utf-16le, utf-16be. */
  readonly candidates?: readonly string[];
}

/** A legacy export after decode, repair and parse, for other tools (the package's `importLegacy`). */
export interface ImportedArticle {
  readonly title: string;
  /** `YYYY-MM-DD` or `YYYY-MM-DD HH:mm[:ss]`, wall-clock time as the export gave it. */
  readonly date: string;
  readonly source?: string;
  readonly editor?: string;
  readonly author?: string;
  /** Paragraphs are Markdown lines (escaped text, links, images); headings plain text. */
  readonly sections: readonly LegacySection[];
  readonly warnings: readonly Diagnostic[];
  /** The whole ParsedSource, ready for `serializeMarkdownSource`. */
  readonly parsed: LegacyParsedSource;
  readonly encoding: string;
  readonly repairs: readonly Repair[];
}

/** The legacy format of a path, or undefined for anything else. */
export function legacyFormatOf(path: string): 'legacy-text' | 'legacy-html' | undefined {
  if (/\.txt$/i.test(path)) return 'legacy-text';
  if (/\.html?$/i.test(path)) return 'legacy-html';
  return undefined;
}

/** Decode, repair and parse a plain-text or HTML export. Throws a ContentError when it cannot be used. */
export function importLegacy(bytes: Uint8Array, options: ImportLegacyOptions): ImportedArticle {
  const { path } = options;
  const format = legacyFormatOf(path) ?? failContent({
    file: path,
    code: 'legacy/unknown-format',
    message: 'not a legacy export: expected a .txt, .html or .htm file',
  });
  const encoding = options.encoding === undefined ? {} : { '**': options.encoding };
  const decoded = decodeSource({ path, contentPath: path, bytes }, { encoding, candidates: options.candidates ?? defaultCandidates });
  const repaired = repairText(decoded.text, { path, format: format === 'legacy-text' ? 'text' : 'html', script: options.script ?? 'keep' });
  const parsed = format === 'legacy-text'
    ? parseLegacyText(repaired.text, { path })
    : parseLegacyHtml(repaired.text, options.baseUrl === undefined ? { path } : { path, baseUrl: options.baseUrl });
  return {
    ...stringFields(parsed),
    sections: parsed.sections,
    warnings: [...repaired.warnings, ...parsed.warnings],
    parsed,
    encoding: decoded.encoding,
    repairs: repaired.repairs,
  };
}

function stringFields(parsed: LegacyParsedSource): Pick<ImportedArticle, 'title' | 'date' | 'source' | 'editor' | 'author'> {
  const text = (key: string): string | undefined => {
    const value = parsed.data[key];
    return typeof value === 'string' ? value : undefined;
  };
  const title = text('title');
  const date = text('date');
  if (title === undefined || date === undefined) throw new Error('Internal error: a legacy parse without title or date');
  const optional = (['source', 'editor', 'author'] as const).flatMap((key) => {
    const value = text(key);
    return value === undefined ? [] : [[key, value] as const];
  });
  return { title, date, ...Object.fromEntries(optional) };
}
