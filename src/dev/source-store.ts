import { existsSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../build/site-paths.js';
import { ContentCache } from '../build/content-cache.js';
import { processSources } from '../build/process-sources.js';
import { processSource, type SourceOutcome } from '../build/source-pipeline.js';
import { defaultWorkerCount, inlineProcessor, workerProcessor } from '../build/source-pool.js';
import type { SiteConfig } from '../config/schema.js';
import type { Article } from '../content/types.js';
import { isContentError } from '../diagnostics/content-error.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { articleExtensions, findSources, type FoundFile } from '../source/find.js';
import { defaultReadOptions, readSource, readSourceSync } from '../source/read.js';
import { relativeSlashed } from './site-paths.js';

/** One source as the dev server knows it: its current problems and its last good article. */
interface SourceState {
  readonly article?: Article;
  readonly diagnostics: readonly Diagnostic[];
}

/** How the first load processes sources, as `build` does: over worker threads, through the content cache. */
export interface SourceLoadOptions {
  /** `.cache/broadsheet` (shared with `build`); no cache when absent. */
  readonly cacheDir?: string;
  /** Worker threads; by default none for small sites, one per core for large ones. */
  readonly workers?: number;
}

/** A source's article before and after one update, and the update's diagnostics. */
export interface SourceUpdate {
  readonly previous?: Article;
  readonly current?: Article;
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

  constructor(private readonly contentDir: string, root: string, private readonly load: SourceLoadOptions = {}) {
    this.displayDir = displayPath(root, contentDir);
  }

  /** Walk the content folder and process every source (the first build, or a config change). */
  async loadAll(config: SiteConfig): Promise<readonly Diagnostic[]> {
    this.sources.clear();
    this.failing.clear();
    if (!existsSync(this.contentDir)) return [];
    const found = await findSources(this.contentDir, this.displayDir);
    const cache = this.load.cacheDir === undefined ? undefined : await ContentCache.open(this.load.cacheDir, config);
    const workers = this.load.workers ?? defaultWorkerCount(found.files.length);
    const processor = workers > 0 ? workerProcessor(config, workers) : inlineProcessor(config);
    const processed = await processSources(found.files, this.displayDir, { processor, ...(cache && { cache }), inFlight: Math.max(2, workers * 2) })
      .finally(() => processor.close());
    this.walkDiagnostics = [...found.diagnostics, ...processed.diagnostics];
    // Outcomes name their file as readSource does; files that could not be read have none.
    const contentPaths = new Map(found.files.map((f) => [path.posix.join(this.displayDir, f.contentPath), f.contentPath]));
    for (const outcome of processed.outcomes) this.accept(contentPathOf(contentPaths, outcome), outcome, undefined);
    if (workers > 0) await this.warmUp(found.files[0], config);
    return this.diagnostics();
  }

  /** Process one changed, added or removed file again. */
  async update(file: string, config: SiteConfig): Promise<SourceUpdate> {
    const contentPath = relativeSlashed(this.contentDir, file);
    if (!isArticleSource(contentPath)) return { diagnostics: [] };
    const previous = this.sources.get(contentPath)?.article;
    const was = previous === undefined ? {} : { previous };
    if (!existsSync(file)) {
      this.sources.delete(contentPath);
      this.failing.delete(contentPath);
      return { ...was, diagnostics: [] };
    }
    const found: FoundFile = { absolutePath: file, contentPath };
    let outcome: { readonly article?: Article; readonly diagnostics: readonly Diagnostic[] };
    try {
      outcome = processSource(readSourceSync(found, { ...defaultReadOptions, displayDir: this.displayDir }), config);
    } catch (error) {
      if (!isContentError(error)) throw error;
      outcome = { diagnostics: error.diagnostics };
    }
    const diagnostics = this.accept(contentPath, outcome, previous);
    const current = this.sources.get(contentPath)?.article;
    return { ...was, ...(current && { current }), diagnostics };
  }

  // With the first load in worker threads, this thread has never run the pipeline: its first run
  // (loading dictionaries, compiling hot code) would otherwise make the editor's first save slow.
  private async warmUp(file: FoundFile | undefined, config: SiteConfig): Promise<void> {
    if (file === undefined) return;
    try {
      processSource(await readSource(file, { ...defaultReadOptions, displayDir: this.displayDir }), config);
    } catch (error) {
      if (!isContentError(error)) throw error;
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

function contentPathOf(contentPaths: ReadonlyMap<string, string>, outcome: SourceOutcome): string {
  const contentPath = contentPaths.get(outcome.path);
  if (contentPath === undefined) throw new Error(`Internal error: an outcome for ${outcome.path}, which was not found`);
  return contentPath;
}

function isArticleSource(contentPath: string): boolean {
  if (contentPath.split('/').some((part) => part.startsWith('.'))) return false;
  return articleExtensions.includes(path.extname(contentPath).toLowerCase());
}
