import type { SiteConfig } from '../config/schema.js';
import { toArticle } from '../content/article.js';
import type { Article, SourceFormat } from '../content/types.js';
import { isContentError } from '../diagnostics/content-error.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';
import type { DecidedBy, Repair } from '../text/types.js';
import { decodeStage, parseStage, repairStage } from './stages.js';

/** What became of one source file. */
export interface SourceOutcome {
  readonly path: string;
  readonly article?: Article;
  readonly encoding?: string;
  readonly decidedBy?: DecidedBy;
  readonly confidence?: number;
  readonly repairs: readonly Repair[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The format of a source, from its file name. */
export function formatOf(contentPath: string): SourceFormat {
  const lower = contentPath.toLowerCase();
  if (lower.endsWith('.txt')) return 'legacy-text';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'legacy-html';
  return 'markdown';
}

/**
 * One file's way through the pure stages: decode, repair, parse, validate. A ContentError from
 * any stage becomes this file's diagnostics; the build goes on with the other files.
 */
export function processSource(file: SourceFile, config: SiteConfig): SourceOutcome {
  const format = formatOf(file.contentPath);
  let decoded: { encoding: string; decidedBy: DecidedBy; confidence: number } | undefined;
  let repairs: readonly Repair[] = [];
  const diagnostics: Diagnostic[] = [];
  try {
    const decodedSource = decodeStage(file, config);
    decoded = { encoding: decodedSource.encoding, decidedBy: decodedSource.decidedBy, confidence: decodedSource.confidence };
    const repaired = repairStage(decodedSource.text, file.path, format, config);
    repairs = repaired.repairs;
    diagnostics.push(...repaired.warnings);
    const { parsed, warnings } = parseStage(repaired.text, file.path, format);
    diagnostics.push(...warnings);
    const article = toArticle(parsed, file.contentPath, config);
    return { path: file.path, article, ...decoded, repairs, diagnostics };
  } catch (error) {
    if (!isContentError(error)) {
      throw new Error(`Internal error while building ${file.path}: ${(error as Error).message}`, { cause: error });
    }
    return { path: file.path, ...decoded, repairs, diagnostics: [...diagnostics, ...error.diagnostics] };
  }
}
