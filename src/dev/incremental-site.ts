import { readPublicPages } from '../build/public-files.js';
import type { SiteConfig } from '../config/schema.js';
import { zonedDate } from '../content/dates.js';
import { isContentError } from '../diagnostics/content-error.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Renderer } from '../render/index.js';
import type { Page } from '../render/page.js';
import { buildSiteModel } from '../site/model.js';
import { findUrlCollisions } from '../site/url-collisions.js';
import type { SiteModel } from '../site/types.js';
import { classifyEdit, pagesShowing, replaceArticle } from './model-patch.js';
import { OutputPages } from './output-recipes.js';
import { changedPages, renderAgain, type RenderedPage } from './page-diff.js';
import { articleRecipe, pageRecipes, sameInputs, type PageRecipe } from './page-recipes.js';
import { loadSiteConfig, makeRenderer } from './site-inputs.js';
import { classifyChange, type DevSitePaths } from './site-paths.js';
import { SourceStore, type SourceLoadOptions, type SourceUpdate } from './source-store.js';

/** Options of the dev site; drafts are shown by default. */
export interface DevSiteOptions {
  readonly paths: DevSitePaths;
  readonly drafts: boolean;
  readonly future: boolean;
  readonly baseUrl?: string;
  /** Build time in ms since the epoch, fixed for the session so unchanged pages stay byte-identical. */
  readonly now: number;
  /** How the first load processes sources (worker threads, content cache), as `build` does. */
  readonly load?: SourceLoadOptions;
}

/** What one rebuild did. */
export interface RebuildReport {
  /** URLs whose page changed, appeared or disappeared. */
  readonly changedUrls: readonly string[];
  /** URLs of the pages rendered again by this rebuild (those already served whose inputs changed). */
  readonly renderedUrls: readonly string[];
  /** True when the edits kept every article's place and the model was patched, not built again. */
  readonly patched: boolean;
  /** Diagnostics of the files this rebuild read. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The site in memory for `broadsheet dev`: every source's outcome, the site model and the pages
 * rendered so far. A rebuild processes only the changed files and renders again only the pages
 * whose inputs changed; pages nobody requested are rendered when first requested.
 */
export class IncrementalSite {
  private readonly sources: SourceStore;
  private recipes = new Map<string, PageRecipe>();
  private model: SiteModel | undefined;
  private outputUrls: readonly string[] = [];
  private readonly rendered = new Map<string, RenderedPage>();
  private publicPages: Page[] = [];
  private readonly problems = new Map<string, readonly Diagnostic[]>();
  private generation = 0;

  private constructor(private readonly options: DevSiteOptions, private config: SiteConfig, private renderer: Renderer) {
    this.sources = new SourceStore(options.paths.content, options.paths.root, options.load);
  }

  /** Load the config, the templates and every source; a broken config or template throws a ContentError. */
  static async open(options: DevSiteOptions): Promise<{ site: IncrementalSite; diagnostics: readonly Diagnostic[] }> {
    const site = new IncrementalSite(options, await loadSiteConfig(options), makeRenderer(options.paths));
    const diagnostics = await site.sources.loadAll(site.config);
    site.publicPages = await readPublicPages(options.paths.public, options.paths.root);
    site.remodel();
    return { site, diagnostics: [...diagnostics, ...site.errors()].sort(compareDiagnostics) };
  }

  /** Apply changed files (absolute paths); a broken input keeps the last good state and is reported. */
  async rebuild(changed: ReadonlySet<string>): Promise<RebuildReport> {
    const kinds = new Set([...changed].map((file) => classifyChange(this.options.paths, file)));
    const diagnostics: Diagnostic[] = [];
    if (kinds.has('config')) diagnostics.push(...(await this.reloadConfig()));
    if (kinds.has('templates') || kinds.has('config')) diagnostics.push(...this.reloadTemplates());
    if (kinds.has('public')) this.publicPages = await readPublicPages(this.options.paths.public, this.options.paths.root);
    const updates: SourceUpdate[] = [];
    if (!kinds.has('config')) {
      for (const file of changed) {
        if (classifyChange(this.options.paths, file) !== 'content') continue;
        const update = await this.sources.update(file, this.config);
        updates.push(update);
        diagnostics.push(...update.diagnostics);
      }
    }
    const renderedUrls: string[] = [];
    const onlyContent = [...kinds].every((kind) => kind === 'content' || kind === undefined);
    const patched = onlyContent && this.patchable(updates);
    let changedUrls: string[];
    if (patched) changedUrls = this.patch(updates, renderedUrls);
    else {
      const before = this.recipes;
      this.remodel();
      changedUrls = changedPages(before, this.recipes, this.rendered, (e) => this.problems.set('render', renderProblems(e)), renderedUrls);
    }
    return { changedUrls, renderedUrls: renderedUrls.sort(), patched, diagnostics: [...diagnostics].sort(compareDiagnostics) };
  }

  /** The page at `url`, rendered now when its inputs changed since it was last rendered; undefined when none. */
  page(url: string): Page | undefined {
    const recipe = this.recipes.get(url);
    if (recipe === undefined) return undefined;
    const cached = this.rendered.get(url);
    if (cached && sameInputs(cached.inputs, recipe.inputs)) return cached.page;
    const page = recipe.render();
    this.rendered.set(url, { inputs: recipe.inputs, page });
    return page;
  }

  /** Every error that stands now: broken sources, config, templates, URL collisions. */
  errors(): Diagnostic[] {
    const all = [...this.sources.errors(), ...[...this.problems.values()].flat()];
    return all.filter((d) => d.severity === 'error').sort(compareDiagnostics);
  }

  /** How many pages the site has. */
  get pageCount(): number {
    return this.recipes.size;
  }

  // An edit that keeps every article's place needs no new model; URL collisions are rare, and their diagnostics are computed anew.
  private patchable(updates: readonly SourceUpdate[]): boolean {
    if (this.model === undefined || (this.problems.get('collisions')?.length ?? 0) > 0) return false;
    return updates.every((u) => classifyEdit(u.previous, u.current) !== 'structural');
  }

  /** Replace the edited articles in the model and render again their page, and, when what listings show changed, the pages that show them. */
  private patch(updates: readonly SourceUpdate[], renderedUrls: string[]): string[] {
    const model = this.model;
    if (model === undefined) throw new Error('Internal error: patching a site that has no model');
    this.problems.delete('render');
    const changed = new Set<string>();
    const onError = (e: unknown) => this.problems.set('render', renderProblems(e));
    for (const { previous, current } of updates) {
      const kind = classifyEdit(previous, current);
      if (kind === 'none' || previous === undefined || current === undefined || !replaceArticle(model, previous, current)) continue;
      this.recipes.set(current.url, articleRecipe(current, model, this.renderer, this.generation));
      // Feeds may carry the whole text: they are made again, when next requested (or now, when served before).
      const outputs = OutputPages.later(model);
      for (const url of this.outputUrls) this.recipes.set(url, outputs.recipe(url, this.generation));
      for (const url of [current.url, ...(kind === 'listed' ? pagesShowing(model, current) : []), ...this.outputUrls]) {
        const recipe = this.recipes.get(url)?.refresh?.() ?? this.recipes.get(url);
        if (recipe === undefined) continue;
        this.recipes.set(url, recipe);
        if (renderAgain(url, recipe, this.rendered, onError, renderedUrls)) changed.add(url);
      }
    }
    return [...changed].sort();
  }

  private remodel(): void {
    const { drafts, future, now } = this.options;
    const articles = this.sources.articles().filter((a) => (drafts || !a.draft) && (future || a.date.epochMs <= now));
    const model = buildSiteModel(articles, { config: this.config, now: zonedDate(now, this.config.timezone), includesDrafts: drafts });
    this.model = model;
    this.problems.set('collisions', findUrlCollisions(model.articles));
    this.problems.delete('render');
    const outputs = OutputPages.rendered(model);
    this.outputUrls = outputs.urls();
    this.recipes = pageRecipes(model, this.renderer, this.publicPages, this.generation, outputs);
  }

  private async reloadConfig(): Promise<readonly Diagnostic[]> {
    try {
      this.config = await loadSiteConfig(this.options);
    } catch (error) {
      const diagnostics = renderProblems(error);
      this.problems.set('config', diagnostics);
      return diagnostics;
    }
    this.problems.delete('config');
    this.generation++;
    return this.sources.loadAll(this.config);
  }

  private reloadTemplates(): readonly Diagnostic[] {
    try {
      this.renderer = makeRenderer(this.options.paths);
    } catch (error) {
      const diagnostics = renderProblems(error);
      this.problems.set('templates', diagnostics);
      return diagnostics;
    }
    this.problems.delete('templates');
    this.generation++;
    return [];
  }
}

function renderProblems(error: unknown): readonly Diagnostic[] {
  if (isContentError(error)) return error.diagnostics;
  throw error;
}
