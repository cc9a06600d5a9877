import { mirrorSettings } from '../render/mirror.js';
import type { SiteConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { attachmentProblem, isAttachment } from './attachments.js';
import { distFileSize, readHtmlPages } from './dist-files.js';
import { footerPageDiagnostics, missingFooterFields, type FooterField } from './footer.js';
import { brokenLinkDiagnostic, pageUrlOf, resolveLink, servedFile } from './links.js';
import { scanPage, type PageLink, type ScannedPage } from './page-scan.js';

/** An external URL found in the built site, with where it was first seen. */
export interface ExternalLink {
  readonly url: string;
  /** Pages that link to it. */
  readonly pages: number;
  /** The first page (site-relative path, e.g. `dist/index.html`) that links to it. */
  readonly firstPage: string;
  readonly line: number;
  readonly column: number;
}

/** Findings of the pass over dist/. */
export interface PagePassResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly pages: number;
  readonly links: number;
  readonly external: readonly ExternalLink[];
}

// A template-level broken link repeats on every page: report the first pages, then a count.
const reportsPerTarget = 20;

/** State of the pass over dist/; pages are scanned and dropped one at a time. */
class PageTally {
  readonly diagnostics: Diagnostic[] = [];
  readonly external = new Map<string, { first: ExternalLink; pages: number; lastPage: string }>();
  readonly footerMissing = new Map<FooterField, string[]>();
  readonly footerCounts = new Map<FooterField, number>();
  readonly broken = new Map<string, { first: Diagnostic; count: number }>();
  readonly sizes = new Map<string, number | undefined>();
  pages = 0;
  links = 0;

  constructor(readonly outDir: string, readonly distDisplay: string, readonly files: ReadonlySet<string>, readonly config: SiteConfig) {}

  async add(page: ScannedPage): Promise<void> {
    this.pages++;
    for (const field of missingFooterFields(page, this.config.footer)) {
      this.footerCounts.set(field, (this.footerCounts.get(field) ?? 0) + 1);
      const list = this.footerMissing.get(field) ?? [];
      if (list.length < 5) this.footerMissing.set(field, [...list, page.outputPath]);
    }
    for (const link of page.links) await this.addLink(page, link);
  }

  private async addLink(page: ScannedPage, link: PageLink): Promise<void> {
    this.links++;
    const target = resolveLink(link.url, pageUrlOf(page.outputPath), this.config.baseUrl);
    if (target.kind === 'external') this.addExternal(target.url, page, link);
    if (target.kind !== 'internal') return;
    const served = servedFile(target.path, this.files);
    if (isAttachment(target.path)) {
      const problem = attachmentProblem(page, link, served === undefined ? undefined : await this.size(served), this.distDisplay);
      if (problem) this.report(target.path, problem);
    } else if (served === undefined) {
      this.report(target.path, brokenLinkDiagnostic(page, link, this.distDisplay));
    }
  }

  private addExternal(url: string, page: ScannedPage, link: PageLink): void {
    const seen = this.external.get(url);
    if (seen === undefined) {
      this.external.set(url, { first: { url, pages: 1, firstPage: `${this.distDisplay}/${page.outputPath}`, line: link.line, column: link.column }, pages: 1, lastPage: page.outputPath });
    } else if (seen.lastPage !== page.outputPath) {
      seen.pages++;
      seen.lastPage = page.outputPath;
    }
  }

  private report(target: string, diagnostic: Diagnostic): void {
    const seen = this.broken.get(target);
    if (seen) seen.count++;
    else this.broken.set(target, { first: diagnostic, count: 1 });
    if ((seen?.count ?? 1) <= reportsPerTarget) this.diagnostics.push(diagnostic);
  }

  private async size(served: string): Promise<number | undefined> {
    if (!this.sizes.has(served)) this.sizes.set(served, await distFileSize(this.outDir, served));
    return this.sizes.get(served);
  }

  result(): PagePassResult {
    const notes = [...this.broken.values()]
      .filter(({ count }) => count > reportsPerTarget)
      .map(({ first, count }) => ({ ...first, message: `${first.message}, and on ${count - reportsPerTarget} more pages not listed` }));
    return {
      diagnostics: [...this.diagnostics, ...notes, ...footerPageDiagnostics(this.footerMissing, this.footerCounts, this.distDisplay)],
      pages: this.pages,
      links: this.links,
      external: [...this.external.values()].map(({ first, pages }) => ({ ...first, pages })).sort((a, b) => (a.url < b.url ? -1 : 1)),
    };
  }
}

/**
 * Scan every HTML page of dist/ for footer identification, broken links and attachments, and list
 * external links. The other-script mirror is left out: its pages are a mechanical copy of the pages
 * checked here (same links, same footer, text converted), so each finding would be reported twice.
 */
export async function auditPages(outDir: string, distDisplay: string, files: ReadonlySet<string>, config: SiteConfig): Promise<PagePassResult> {
  const tally = new PageTally(outDir, distDisplay, files, config);
  const mirrorPrefix = mirrorSettings(config)?.prefix.slice(1);
  for await (const { outputPath, html } of readHtmlPages(outDir, [...files].filter((f) => !mirrorPrefix || !f.startsWith(mirrorPrefix)).sort())) await tally.add(scanPage(outputPath, html));
  return tally.result();
}
