import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath, resolveSitePaths } from '../build/site-paths.js';
import { FsWriter } from '../write/fs-writer.js';
import { configKeyPosition } from '../config/resolve.js';
import { compareDiagnostics, errorDiagnostic, hasErrors, warningDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SiteModel } from '../site/types.js';
import { auditPages } from './audit-pages.js';
import { auditSources } from './audit-sources.js';
import { checkColumns } from './columns.js';
import { distExists, indexDist } from './dist-files.js';
import { checkExternalLinks, type ExternalCheckOptions } from './external.js';
import { checkFooterConfig } from './footer.js';
import { manifestRelativePath, readManifest } from './manifest-store.js';
import type { AuditReport } from './report.js';
import { defaultWordListPath, parseWordList, type WordList } from './words.js';

/** Options of `auditSite`; paths relative to `root`, as in `build`. */
export interface AuditOptions {
  readonly root: string;
  /** The model the site was (or would be) built from. */
  readonly model: SiteModel;
  readonly contentDir?: string;
  readonly outDir?: string;
  readonly configFile?: string;
  /** Request external links; never in tests against the internet. */
  readonly external?: ExternalCheckOptions;
}

/** Run every check of the site audit on the model and the built site in the output folder. */
export async function auditSite(options: AuditOptions): Promise<AuditReport> {
  const { root, out: outDir, config: configPath, content: contentDir } = resolveSitePaths(options.root, options);
  const configFile = displayPath(root, configPath);
  const configText = await readFile(configPath, 'utf8').catch(() => '');
  const { config } = options.model;
  const diagnostics: Diagnostic[] = [
    ...checkFooterConfig(config, configFile, (p) => configKeyPosition(configText, p)),
    ...checkColumns(options.model, configFile, (i) => configKeyPosition(configText, ['columns', i])),
  ];
  const words = await loadWordList(root, config.audit.wordList, diagnostics);
  const stored = await readManifest(root);
  if (stored.problem !== undefined) diagnostics.push(manifestWarning(stored.problem));
  diagnostics.push(...await auditSources({ root, contentDir, model: options.model, manifest: stored.manifest, words }));
  const distDisplay = displayPath(root, outDir);
  // A build killed during an in-place update left a journal: the site it was writing is the one to audit.
  await FsWriter.recover(outDir);
  if (!(await distExists(outDir))) {
    diagnostics.push(errorDiagnostic({ file: distDisplay, code: 'audit/no-site', message: 'there is no built site to audit', note: 'run `broadsheet build` first' }));
    return finish(diagnostics, { pages: 0, links: 0, external: [] }, options.model);
  }
  const pages = await auditPages(outDir, distDisplay, await indexDist(outDir), config);
  diagnostics.push(...pages.diagnostics);
  const report = finish(diagnostics, pages, options.model);
  return options.external ? withExternalResults(report, options.external) : report;
}

function finish(diagnostics: Diagnostic[], pages: Pick<AuditReport, 'external'> & { pages: number; links: number }, model: SiteModel): AuditReport {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  return {
    ok: !hasErrors(sorted),
    diagnostics: sorted,
    external: pages.external,
    stats: { articles: model.articles.length, columns: model.columns.length, pages: pages.pages, links: pages.links },
  };
}

async function withExternalResults(report: AuditReport, limits: ExternalCheckOptions): Promise<AuditReport> {
  const results = await checkExternalLinks(report.external.map((l) => l.url), limits);
  const broken = report.external.flatMap((link, i) => {
    const result = results[i];
    if (result === undefined || result.ok) return [];
    return [errorDiagnostic({
      file: link.firstPage, line: link.line, column: link.column, code: 'audit/external-broken',
      message: `external link ${JSON.stringify(link.url)} is broken (${result.status !== undefined ? `HTTP ${result.status}` : result.error ?? 'no answer'}) on ${link.pages} page${link.pages === 1 ? '' : 's'}`,
      note: 'fix or remove the link; check again later if the other site is only down for now',
    })];
  });
  const diagnostics = [...report.diagnostics, ...broken].sort(compareDiagnostics);
  return { ...report, ok: !hasErrors(diagnostics), diagnostics, externalResults: results };
}

async function loadWordList(root: string, configured: string | undefined, diagnostics: Diagnostic[]): Promise<WordList | undefined> {
  const rel = configured ?? defaultWordListPath;
  const file = path.resolve(root, rel);
  if (configured === undefined && !existsSync(file)) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    diagnostics.push(errorDiagnostic({ file: rel, code: 'audit/word-list', message: `cannot read the word list: ${(error as Error).message}`, note: 'fix "audit.wordList" in the site config, or create the file' }));
    return undefined;
  }
  const parsed = parseWordList(text, displayPath(root, file));
  diagnostics.push(...parsed.diagnostics);
  return parsed.list;
}

function manifestWarning(problem: string): Diagnostic {
  return warningDiagnostic({
    file: manifestRelativePath, code: 'audit/manifest',
    message: `the dates manifest cannot be used (${problem}); date changes since earlier builds are not checked`,
    note: 'the next build writes a new one',
  });
}
