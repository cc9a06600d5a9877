import { existsSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../build/build.js';
import { readAllSources } from '../build/read-all.js';
import { processSource } from '../build/source-pipeline.js';
import type { SiteConfig } from '../config/schema.js';
import type { Article } from '../content/types.js';
import { isContentError } from '../diagnostics/content-error.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { articleExtensions, findSources, type FoundFile } from '../source/find.js';
import { defaultReadOptions, readSource } from '../source/read.js';
import { relativeSlashed } from './site-paths.js';

/** One source as the dev server knows it: its current problems and its last good article. */
interface SourceState {
  readonly article?: Article;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Every content source's outcome, kept between rebuilds so that a save processes one file.
 * A source whose new version fails keeps its last good article: the page stays served while
 * its error is shown.
 */
export class SourceStore {
  private readonly sources = new Map<string, SourceState>();
  // Sources with errors, so the overlay's list costs nothing on a 100,000-article site.
  private readonly failing = new Set<string>();
  private walkDiagnostics: readonly Diagnostic[] = [];
  private readonly displayDir: string;

  constructor(private readonly contentDir: string, root: string) {
    this.displayDir = displayPath(root, contentDir);
  }

  /** Walk the content folder and process every source (the first build, or a config change). */
  async loadAll(config: SiteConfig): Promise<readonly Diagnostic[]> {
    this.sources.clear();
    this.failing.clear();
    if (!existsSync(this.contentDir)) return [];
    const found = await findSources(this.contentDir, this.displayDir);
    const read = await readAllSources(found.files, this.displayDir);
    this.walkDiagnostics = [...found.diagnostics, ...read.diagnostics];
    for (const source of read.sources) this.accept(source.contentPath, processSource(source, config), undefined);
    return this.diagnostics();
  }

  /** Process one changed, added or removed file again; returns its diagnostics. */
  async update(file: string, config: SiteConfig): Promise<readonly Diagnostic[]> {
    const contentPath = relativeSlashed(this.contentDir, file);
    if (!isArticleSource(contentPath)) return [];
    if (!existsSync(file)) {
      this.sources.delete(contentPath);
      this.failing.delete(contentPath);
      return [];
    }
    const found: FoundFile = { absolutePath: file, contentPath };
    try {
      const source = await readSource(found, { ...defaultReadOptions, displayDir: this.displayDir });
      return this.accept(contentPath, processSource(source, config), this.sources.get(contentPath)?.article);
    } catch (error) {
      if (!isContentError(error)) throw error;
      return this.accept(contentPath, { diagnostics: error.diagnostics }, this.sources.get(contentPath)?.article);
    }
  }

  /** The last good article of every source. */
  articles(): Article[] {
    const list: Article[] = [];
    for (const state of this.sources.values()) if (state.article) list.push(state.article);
    return list;
  }

  /** Every current diagnostic of every source. */
  diagnostics(): Diagnostic[] {
    const list = [...this.walkDiagnostics];
    for (const state of this.sources.values()) list.push(...state.diagnostics);
    return list;
  }

  /** The errors of the walk and of every failing source. */
  errors(): Diagnostic[] {
    const list = this.walkDiagnostics.filter((d) => d.severity === 'error');
    for (const contentPath of this.failing) list.push(...(this.sources.get(contentPath)?.diagnostics ?? []).filter((d) => d.severity === 'error'));
    return list;
  }

  private accept(contentPath: string, outcome: { readonly article?: Article; readonly diagnostics: readonly Diagnostic[] }, lastGood: Article | undefined): readonly Diagnostic[] {
    const article = outcome.article ?? lastGood;
    this.sources.set(contentPath, { ...(article && { article }), diagnostics: outcome.diagnostics });
    if (outcome.diagnostics.some((d) => d.severity === 'error')) this.failing.add(contentPath);
    else this.failing.delete(contentPath);
    return outcome.diagnostics;
  }
}

function isArticleSource(contentPath: string): boolean {
  if (contentPath.split('/').some((part) => part.startsWith('.'))) return false;
  return articleExtensions.includes(path.extname(contentPath).toLowerCase());
}
