import { errorDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PageLink, ScannedPage } from './page-scan.js';

// Documents that government sites attach to notices and policies (WPS and OFD included).
const attachmentExtensions = new Set([
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'wps', 'et', 'dps', 'ofd', 'odt', 'ods', 'rtf', 'csv', 'txt',
  'zip', 'rar', '7z', 'gz', 'tar',
]);

/** True when a site path names a downloadable attachment (pdf, doc(x), xls(x), zip...). */
export function isAttachment(sitePath: string): boolean {
  const name = sitePath.slice(sitePath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 && attachmentExtensions.has(name.slice(dot + 1).toLowerCase());
}

/**
 * The problem with an attachment a page links to: missing from dist/ (`size` undefined) or
 * empty (a zero-byte upload reaches the reader as a broken download); undefined when fine.
 */
export function attachmentProblem(page: ScannedPage, link: PageLink, size: number | undefined, distDisplay: string): Diagnostic | undefined {
  if (size !== undefined && size > 0) return undefined;
  const missing = size === undefined;
  return errorDiagnostic({
    file: `${distDisplay}/${page.outputPath}`,
    line: link.line,
    column: link.column,
    code: missing ? 'audit/attachment-missing' : 'audit/attachment-empty',
    message: missing
      ? `attachment ${JSON.stringify(link.url)} is not in ${distDisplay}/: readers cannot download it`
      : `attachment ${JSON.stringify(link.url)} is an empty file`,
    note: missing ? 'put the file under public/ at that path, or fix the link' : 'replace it with the real document in public/',
  });
}
