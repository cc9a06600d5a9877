import { loadConfig } from '../config/load.js';
import type { SiteConfig } from '../config/schema.js';
import { zonedDate } from '../content/dates.js';
import type { Article } from '../content/types.js';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isContentError } from '../diagnostics/content-error.js';
import { renderSite, themeDirsFor } from '../render/index.js';
import { mirrorSettings } from '../render/mirror.js';
import { defaultSearchIndexOptions, writeSearchIndex, type SearchIndexEmit, type SearchIndexReuse } from '../search/write-search-index.js';
import { buildSiteModel } from '../site/model.js';
import { decideSearch } from '../site/search-default.js';
import type { SiteModel } from '../site/types.js';
import { findUrlCollisions } from '../site/url-collisions.js';
import { findSources, type FindResult } from '../source/find.js';
import { OutputRegistry } from '../write/collisions.js';
import { DiscardWriter } from '../write/discard-writer.js';
import { FsWriter } from '../write/fs-writer.js';
import type { Writer } from '../write/writer.js';
import { displayPath, resolveSitePaths, type SitePaths } from './site-paths.js';
import { publicFilesStamp, readPublicPages } from './public-files.js';
import { articlesDigest, outputInputs, outputRecord, outputUnchanged } from './unchanged-output.js';
import { analysisSeal, keepAnalysis, keptSeal, readKeptAnalysis, type KeptAnalysis } from './kept-analysis.js';
import { LoadStopped } from '../cache/manifest-parts.js';
import { startArticlePages, type ArticlePagesInFlight } from './article-pages.js';
import { openRendering, writeRendered, writeSharedPages, type RenderingOptions } from './rendering.js';
import { loadManifest, type LoadedManifest, type OutputRecord } from './page-manifest.js';
import { articleIdentity } from './article-identity.js';
import { BodyStore } from './body-store.js';
import { ContentCache } from './content-cache.js';
import { validatedConfigs } from './validated-configs.js';
import { siteTheme, type PageReuse } from './page-reuse.js';
import type { ThemeFingerprint } from './page-fingerprint.js';
import { processSources } from './process-sources.js';
import { sameSealSaid, sealCheck, stampsOf, statAll, statOnThread, type SealCheck, type SourceStamps } from './source-stats.js';
import { toolFingerprint } from './tool-fingerprint.js';
import { SharedValues } from './shared-values.js';
import type { SourceOutcome } from './source-pipeline.js';
import { defaultWorkerCount, inlineProcessor, workerProcessor } from './source-pool.js';
import { writeClaimed } from './write-claimed.js';
import { sourcesForThread } from './worker-limits.js';

/** Options of `build`; paths are relative to `root`. */
export interface BuildOptions {
  readonly root: string;
  readonly contentDir?: string;
  readonly outDir?: string;
  readonly configFile?: string;
  /** Include drafts (and mark them). */
  readonly drafts?: boolean;
  /** Include articles dated after the build time. */
  readonly future?: boolean;
  /** Warnings fail the build; templates fail on undefined values. */
  readonly strict?: boolean;
  /** Overrides config baseUrl (preview deployments). */
  readonly baseUrl?: string;
  /** Build time in ms since the epoch (the CLI passes SOURCE_DATE_EPOCH or the clock). */
  readonly now: number;
  /** Where pages go; an FsWriter on outDir by default. */
  readonly writer?: Writer;
  /** Keep per-file outcomes here between builds (`.cache/broadsheet`); no cache when absent. */
  readonly cacheDir?: string;
  /** Worker threads for the per-file pipeline; by default none for small sites, one per core for large ones. */
  readonly workers?: number;
  /** Called after each source is processed. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The caller reads the result's model (the audit does): a build with nothing to do still builds
   * it, instead of answering from the analysis the cache kept (`kept-analysis.ts`).
   */
  readonly needsModel?: boolean;
}

/** Figures for the summary line. */
export interface BuildStats {
  readonly sources: number;
  readonly articles: number;
  readonly pages: number;
  readonly drafts: number;
  readonly future: number;
  readonly repairs: number;
  /** Sources whose outcome came from the cache. */
  readonly cached: number;
  /** Pages taken over from the previous output because their inputs did not change. */
  readonly reusedPages: number;
  /** True when the output folder already held exactly this build's pages, and nothing was rendered or written. */
  readonly upToDate?: boolean;
  /** The date of the first future article left out (without `future`), in ms since the epoch. */
  readonly firstFutureMs?: number;
  readonly outcomes: readonly SourceOutcome[];
}

/** What a build did. Nothing is written when `ok` is false. */
export type BuildResult = SiteAnalysis;

function resolvePaths(options: BuildOptions): SitePaths {
  return resolveSitePaths(options.root, options);
}

/** Everything known about a site before anything is rendered. */
export interface SiteAnalysis {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: BuildStats;
  readonly model?: SiteModel;
}

/**
 * Read the config and every source, validate them and build the site model, writing nothing:
 * `broadsheet check` stops here, `build` goes on to render and write.
 */
export async function analyzeSite(options: BuildOptions): Promise<SiteAnalysis> {
  const paths = resolvePaths(options);
  const site = await findSite(paths, options, false);
  return 'found' in site ? (await analyzeFound(site, options)).analysis : site;
}

/** A site's config and the sources found in its content folder, none read yet. */
interface FoundSite {
  readonly config: SiteConfig;
  readonly contentDisplay: string;
  readonly found: FindResult;
  /** With a cache: what the analysis is made from besides the sources (`analysisSalt`). */
  readonly salt: string | undefined;
  /** The sources' stamps: taken on another core for a large site with a cache, else here when first asked for. */
  stamps: Promise<SourceStamps> | undefined;
  /** The kept analysis whose seal the stats thread checks, when there is one to answer from. */
  readonly check: SealCheck | undefined;
}

/**
 * Load the config and find the sources; the analysis of a config that fails to load. With
 * `mayAnswerFromKept`, a large site's stats thread also checks the kept analysis' seal, if any.
 */
async function findSite(paths: SitePaths, options: BuildOptions, mayAnswerFromKept: boolean): Promise<FoundSite | SiteAnalysis> {
  let config: SiteConfig;
  try {
    const overrides = options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl };
    const validated = options.cacheDir === undefined ? undefined : validatedConfigs(options.cacheDir);
    config = await loadConfig(paths.config, displayPath(paths.root, paths.config), overrides, validated);
  } catch (error) {
    if (isContentError(error)) return { ok: false, diagnostics: error.diagnostics, stats: emptyStats };
    throw error;
  }
  const contentDisplay = displayPath(paths.root, paths.content);
  const found = await findSources(paths.content, contentDisplay);
  const salt = options.cacheDir === undefined ? undefined : await analysisSalt(config, contentDisplay, options);
  const onThread = options.cacheDir !== undefined && found.files.length >= sourcesForThread;
  const kept = mayAnswerFromKept && onThread && options.cacheDir !== undefined ? keptSeal(options.cacheDir) : undefined;
  const check = kept !== undefined && salt !== undefined ? sealCheck(found, salt, kept) : undefined;
  // A large site's sources are stat'ed on another core while this one loads the source manifest.
  const stamps = onThread ? statOnThread(found.files.map((f) => f.absolutePath), check) : undefined;
  return { config, contentDisplay, found, salt, stamps, check };
}

// The tool, the config, how diagnostics name the content folder, and the options that change what is analysed or how it is judged.
async function analysisSalt(config: SiteConfig, contentDisplay: string, options: BuildOptions): Promise<string> {
  const flags = { drafts: options.drafts ?? false, future: options.future ?? false, strict: options.strict ?? false };
  return `${await toolFingerprint(options.cacheDir)}\n${JSON.stringify(config)}\n${contentDisplay}\n${JSON.stringify(flags)}`;
}

/** Read and analyse the found sources: the site model and every problem; with the seal of what was read when it can be kept. */
async function analyzeFound(site: FoundSite, options: BuildOptions, stop?: () => boolean): Promise<Analyzed> {
  const collected = await collectArticles(site, options, stop);
  const now = zonedDate(options.now, site.config.timezone);
  const model = buildSiteModel(collected.articles, { config: site.config, now, includesDrafts: options.drafts ?? false });
  const diagnostics = sorted([...collected.diagnostics, ...findUrlCollisions(model.articles)]);
  return { analysis: { ok: !failed(diagnostics, options), diagnostics, stats: { ...collected.stats, pages: 0, reusedPages: 0 }, model }, seal: collected.seal };
}

const emptyStats: BuildStats = { sources: 0, articles: 0, pages: 0, reusedPages: 0, drafts: 0, future: 0, repairs: 0, cached: 0, outcomes: [] };

/** Build the site: read every source, report every problem, and write dist/ only when there is no error. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const paths = resolvePaths(options);
  // The previous output's files are stat'ed on the libuv pool while this thread reads the sources.
  const pageManifest = options.cacheDir !== undefined && options.writer === undefined ? loadManifest(options.cacheDir, paths.out) : undefined;
  const { cacheDir } = options;
  const theme = lazy(() => siteTheme(themeDirsFor(paths.templates), options.strict ?? false));
  const analyzed = await answerOrAnalyze(paths, options, pageManifest, theme);
  if (!('analysis' in analyzed)) return analyzed;
  const { analysis, seal } = analyzed;
  if (!analysis.model) return analysis;
  if (!analysis.ok) {
    const templates = await templateProblems(analysis.model, paths, options);
    return { ...analysis, diagnostics: sorted([...analysis.diagnostics, ...templates]) };
  }
  const diagnostics = [...analysis.diagnostics];
  const previous = pageManifest && (await previousOutput(analysis.model, analysis.stats.firstFutureMs, paths, await theme(), await pageManifest));
  // What the output was made from, kept with the seal of what the analysis read: the next build with the same sources answers from it.
  const keep = () => {
    if (cacheDir !== undefined && seal !== undefined && previous?.articles !== undefined) keepAnalysis(cacheDir, keptFrom(analysis, seal, previous.articles));
  };
  // Nothing the pages are made from changed, and no file of the output: there is nothing to write.
  if (previous?.unchanged) {
    keep();
    return { ...analysis, stats: { ...analysis.stats, pages: previous.pages, reusedPages: previous.pages, upToDate: true } };
  }
  const recordOutput = previous?.record;
  const rendering = { ...options, pageManifest, theme: previous?.theme, ...(recordOutput && { recordOutput }) };
  const { pages, reusedPages } = await writeSite(analysis.model, paths, rendering, diagnostics, options.writer ?? (await FsWriter.open(paths.out)));
  const ok = !failed(diagnostics, options);
  // Kept by a build that rendered every page, not by one that changed a few: that one is kept by the
  // next build with nothing to do, and the writing is not added to the build of a correction.
  if (ok && reusedPages === 0) keep();
  return { ok, diagnostics: sorted(diagnostics), stats: { ...analysis.stats, pages, reusedPages }, model: analysis.model };
}

/**
 * Find the sources, then answer from the kept analysis when it holds, else analyse the site. The
 * found sources and their stamps live only here: a large site's are tens of megabytes, which the
 * rendering that follows does not need.
 */
async function answerOrAnalyze(paths: SitePaths, options: BuildOptions, pageManifest: Promise<LoadedManifest | undefined> | undefined, theme: () => Promise<ThemeFingerprint>): Promise<BuildResult | Analyzed> {
  const { cacheDir } = options;
  const mayAnswerFromKept = pageManifest !== undefined && cacheDir !== undefined && options.needsModel !== true;
  const site = await findSite(paths, options, mayAnswerFromKept);
  if (!('found' in site)) return site;
  const fromKept = async () => (pageManifest && cacheDir !== undefined ? keptUpToDate(paths, site, { ...options, cacheDir }, pageManifest, theme) : undefined);
  // A small site's stamps are taken and checked here, first. A large site's stats thread checks them
  // while this thread loads the source manifest, which stops as soon as the thread says they match.
  const answered = mayAnswerFromKept && site.stamps === undefined ? await fromKept() : undefined;
  if (answered) return answered;
  const { check } = site;
  const stop = check && (() => sameSealSaid(check));
  return analyzeFound(site, options, stop).catch(async (error: unknown) => {
    if (!(error instanceof LoadStopped)) throw error;
    return (await fromKept()) ?? analyzeFound(site, options);
  });
}

/** A site analysed, with the seal of what the analysis read when it may be kept. */
interface Analyzed {
  readonly analysis: SiteAnalysis;
  readonly seal: string | undefined;
}

/**
 * A build with nothing to do, answered without reading the source manifest or building the model:
 * the sources, config, tool and options are those of a kept analysis (same seal), and the output
 * folder is exactly what was written from it (`outputUnchanged`, with the theme and public files
 * of now). Undefined when any of that does not hold: then the build analyses the site.
 */
async function keptUpToDate(paths: SitePaths, site: FoundSite, options: BuildOptions & { readonly cacheDir: string }, pageManifest: Promise<LoadedManifest | undefined>, theme: () => Promise<ThemeFingerprint>): Promise<BuildResult | undefined> {
  if (site.salt === undefined) return undefined;
  if (site.stamps === undefined) {
    // Stamped here, as the stats thread does (a file that cannot be stat'ed is left out, for the build to report).
    const files = site.found.files.map((f) => f.absolutePath);
    site.stamps = Promise.resolve(stampsOf(files, statAll(files)));
  }
  // The stats thread said the seal holds once it had the stamps: not computed again here.
  const seal = site.check && sameSealSaid(site.check) ? site.check.kept : analysisSeal(site.salt, site.found, await site.stamps);
  const kept = seal === undefined ? undefined : readKeptAnalysis(options.cacheDir, seal);
  if (!kept) return undefined;
  // The config as the model holds it (the search index decided), as `previousOutput` digests it.
  const inputs = outputInputs({ config: decideSearch(site.config), includesDrafts: options.drafts ?? false }, kept.articles, await theme(), publicFilesStamp(paths.public));
  const loaded = await pageManifest;
  if (!outputUnchanged(loaded, inputs, zonedDate(options.now, site.config.timezone).epochMs)) return undefined;
  const pages = loaded?.manifest.files?.length ?? 0;
  const { sources, articleCount: articles, drafts, future, repairs, firstFutureMs, outcomes } = kept;
  const stats = { sources, articles, drafts, future, repairs, cached: outcomes.length, outcomes, pages, reusedPages: pages, upToDate: true, ...(firstFutureMs !== undefined && { firstFutureMs }) };
  return { ok: !failed(kept.diagnostics, options), diagnostics: kept.diagnostics, stats };
}

function keptFrom(analysis: SiteAnalysis, seal: string, articles: string): KeptAnalysis {
  const { sources, articles: articleCount, drafts, future, repairs, firstFutureMs, outcomes } = analysis.stats;
  return { seal, articles, diagnostics: analysis.diagnostics, sources, articleCount, drafts, future, repairs, outcomes, ...(firstFutureMs !== undefined && { firstFutureMs }) };
}

function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/**
 * Whether the output folder holds exactly what this build would write (`outputUnchanged`), and
 * how to record what this build writes otherwise; with the theme's fingerprint, for page reuse.
 */
async function previousOutput(model: SiteModel, firstFutureMs: number | undefined, paths: SitePaths, theme: ThemeFingerprint, loaded: LoadedManifest | undefined) {
  const articles = articlesDigest(model);
  const inputs = outputInputs(model, articles, theme, publicFilesStamp(paths.public));
  return {
    theme,
    articles,
    unchanged: outputUnchanged(loaded, inputs, model.now.epochMs),
    pages: loaded?.manifest.files?.length ?? 0,
    record: inputs === undefined ? undefined : () => outputRecord(model, theme, inputs, firstFutureMs),
  };
}

/**
 * A build that already failed still renders its good articles into nowhere, so template problems
 * are reported in the same run as content problems (the rest was reported by the analysis).
 */
async function templateProblems(model: SiteModel, paths: SitePaths, options: BuildOptions): Promise<Diagnostic[]> {
  const found: Diagnostic[] = [];
  await writeSite(model, paths, options, found, new DiscardWriter());
  return found.filter((d) => d.code.startsWith('template/'));
}

function failed(diagnostics: readonly Diagnostic[], options: BuildOptions): boolean {
  return hasErrors(diagnostics) || (options.strict === true && diagnostics.length > 0);
}

function sorted(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** Read and process every source; leave out drafts and future articles unless asked for. */
async function collectArticles(site: FoundSite, options: BuildOptions, stop?: () => boolean) {
  const { config, contentDisplay, found, stamps } = site;
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  const articles: Article[] = [];
  let drafts = 0;
  let future = 0;
  let repairs = 0;
  let firstFutureMs: number | undefined;
  const cache = options.cacheDir === undefined ? undefined : await ContentCache.open(options.cacheDir, config, stop);
  // The stats thread had not said yet: its answer is awaited now rather than when the first batch needs it, to stop here if the seal holds.
  if (stop && (await stamps) && stop()) throw new LoadStopped();
  const workers = options.workers ?? defaultWorkerCount(found.files.length);
  // On large sites the bodies wait on disk, not in the heap, until their pages are rendered: the source threads
  // write them to files of their own, and this thread's store takes those it processed itself.
  const processor = workers > 0 ? workerProcessor(config, workers, { serialize: cache !== undefined, storeBodies: true }) : inlineProcessor(config);
  const { onProgress } = options;
  const bodies = workers > 0 ? BodyStore.open() : undefined;
  const keep = bodies && ((outcomes: SourceOutcome[]) => bodies.spill(outcomes));
  const processed = await processSources(found.files, contentDisplay, {
    processor, ...(cache && { cache }), ...(stamps && { stamps }), ...(keep && { keep }), inFlight: Math.max(2, workers * 2), ...(onProgress && { onProgress }),
  }).finally(() => processor.close());
  diagnostics.push(...processed.diagnostics);
  const shared = new SharedValues();
  for (const outcome of processed.outcomes) {
    diagnostics.push(...outcome.diagnostics);
    repairs += outcome.repairs.length;
    const article = outcome.article;
    if (article?.draft && !options.drafts) drafts++;
    else if (article && article.date.epochMs > options.now && !options.future) {
      future++;
      firstFutureMs = Math.min(firstFutureMs ?? Infinity, article.date.epochMs);
    }
    // The model holds every article until the last page is written: repeated values are kept once.
    else if (article) articles.push(shared.shareArticle(article));
  }
  // The summary needs each file's encoding and repairs, not its article: drafts and future articles are let go here.
  const outcomes = processed.outcomes.map(({ article: _article, ...rest }) => shared.shareOutcome(rest));
  const stats = { sources: found.files.length, articles: articles.length, drafts, future, repairs, cached: cache?.hits ?? 0, outcomes, ...(firstFutureMs !== undefined && { firstFutureMs }) };
  // The seal of what was read, when every file was stat'ed before it was read and none was modified in the tick the reads began in.
  // Made now, so that neither the stamps nor the found files outlive the analysis (at 100,000 sources: 5 ms to 50 ms).
  const seal = cache && site.salt !== undefined ? analysisSeal(site.salt, found, processed.stamps, cache.sources.readStartNs) : undefined;
  return { articles, diagnostics, stats, seal };
}

/**
 * Render every page into the writer and swap the result in; any failure leaves dist/ as it was.
 * On large sites the article pages are rendered and written on worker threads while this thread
 * renders the listings, feeds and sitemaps; their 简/繁 copies are made where the pages are.
 */
async function writeSite(model: SiteModel, paths: SitePaths, options: BuildOptions & RenderingOptions & { readonly recordOutput?: () => OutputRecord }, diagnostics: Diagnostic[], writer: Writer): Promise<{ pages: number; reusedPages: number }> {
  const registry = new OutputRegistry();
  const mirror = mirrorSettings(model.config);
  const workers = options.workers ?? defaultWorkerCount(model.articles.length);
  let reuse: PageReuse | undefined;
  let articles: ArticlePagesInFlight | undefined;
  try {
    const rendering = await openRendering(model, paths, options, writer);
    reuse = rendering.reuse;
    // 1. Article pages on render threads, on large builds into a folder.
    if (workers > 0 && writer instanceof FsWriter) {
      articles = await startArticlePages({ model, writer, registry, diagnostics, renderer: rendering.options, local: rendering.plain, workers, mirror, reuse });
    }
    // 2. Meanwhile, every other page (every page on small builds) on this thread, with its 简/繁 copy.
    const output = { writer, registry, diagnostics, workers: mirrorThreads(workers, articles?.onThreads ?? false), mirror, reuse };
    await (articles ? writeSharedPages(model, { plain: rendering.plain, reusing: rendering.renderer }, output) : writeRendered(renderSite(model, rendering.renderer), output));
    await articles?.finish();
    articles = undefined;
    // 3. The site's own files, then the search index.
    for (const page of await readPublicPages(paths.public, paths.root)) {
      await writeClaimed(writer, registry, page, diagnostics, true);
    }
    if (model.config.search) await writeSearch(model, reuse, (page, from) => writeClaimed(writer, registry, page, diagnostics, false, from));
  } catch (error) {
    await articles?.close();
    await writer.abort();
    if (!isContentError(error)) throw error;
    diagnostics.push(...error.diagnostics);
    return { pages: 0, reusedPages: 0 };
  }
  if (failed(diagnostics, options)) {
    await writer.abort();
    return { pages: 0, reusedPages: 0 };
  }
  await writer.commit();
  await reuse?.save(options.recordOutput?.());
  return { pages: registry.size, reusedPages: reuse?.reused ?? 0 };
}

/** How the search index links or patches the previous output's files, through page reuse's records of them. */
function searchIndexReuse(reuse: PageReuse): SearchIndexReuse {
  return {
    reusableFile: (url, fingerprint) => reuse.reusableFile(url, fingerprint),
    recordedFile: (url, fingerprint) => reuse.recordedFile(url, fingerprint),
    recordedFingerprint: (url) => reuse.recordedFingerprint(url),
    identity: articleIdentity,
  };
}

/** The search index (from the model, not the pages), its files linked from the previous output where their articles did not change, its shards patched when a few did. */
async function writeSearch(model: SiteModel, reuse: PageReuse | undefined, emit: SearchIndexEmit): Promise<void> {
  const options = reuse ? { ...defaultSearchIndexOptions, reuse: searchIndexReuse(reuse) } : defaultSearchIndexOptions;
  const stats = await writeSearchIndex(model, emit, options);
  if (reuse) reuse.reused += stats.linked;
}

/**
 * Threads that make the 简/繁 copies of the pages this thread renders. None while render threads run:
 * they keep the cores busy, and one more thread only held memory (40 MB at 10,000 articles, for no
 * time saved). Otherwise one per core but this one's, which renders: a second thread on two cores
 * converted no faster and held 20 MB more (a 10,000-article publish).
 */
function mirrorThreads(workers: number, articlesOnThreads: boolean): number {
  return workers === 0 || articlesOnThreads ? 0 : Math.max(1, workers - 1);
}
