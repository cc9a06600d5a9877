import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeStage } from '../build/stages.js';
import type { Article } from '../content/types.js';
import { errorDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isContentError } from '../diagnostics/content-error.js';
import type { SiteModel } from '../site/types.js';
import { checkArticleDates, keyPositionIn } from './dates.js';
import { checkDateChanges, type DatesManifest } from './manifest.js';
import { findListedWords, type WordList } from './words.js';

/** What the source pass needs besides the model. */
export interface SourcePassInput {
  readonly root: string;
  /** Absolute content folder, for encoding globs (they are relative to it). */
  readonly contentDir: string;
  readonly model: SiteModel;
  readonly manifest?: DatesManifest | undefined;
  readonly words?: WordList | undefined;
}

/**
 * Read each published article's source again, decoded as the build decodes it, one at a time,
 * and check its text (listed words) and its dates, with positions in the original file.
 */
export async function auditSources(input: SourcePassInput): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const article of input.model.articles) {
    const text = await sourceText(input, article, diagnostics);
    diagnostics.push(...checkArticleDates(article, input.model.now, text));
    diagnostics.push(...checkDateChanges(input.manifest, [article], () => keyPositionIn(text, 'date')));
    if (text !== undefined && input.words) diagnostics.push(...findListedWords(text, article.sourcePath, input.words));
  }
  return diagnostics;
}

async function sourceText(input: SourcePassInput, article: Article, diagnostics: Diagnostic[]): Promise<string | undefined> {
  const absolute = path.resolve(input.root, article.sourcePath);
  try {
    const bytes = new Uint8Array(await readFile(absolute));
    const contentPath = path.relative(input.contentDir, absolute).split(path.sep).join('/');
    return decodeStage({ path: article.sourcePath, contentPath, bytes }, input.model.config).text;
  } catch (error) {
    if (isContentError(error)) {
      diagnostics.push(...error.diagnostics);
      return undefined;
    }
    diagnostics.push(errorDiagnostic({
      file: article.sourcePath, code: 'audit/source-unreadable',
      message: `cannot read the source again to check its text: ${(error as Error).message}`,
      note: 'the file changed or vanished after the build; build and audit again',
    }));
    return undefined;
  }
}
