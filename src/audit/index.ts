/** The site audit: the checks of a government-site inspection, on the site model and the built pages. */
export { auditSite, type AuditOptions } from './audit-site.js';
export { formatAuditReport, auditSummary, type AuditReport, type AuditStats } from './report.js';
export { updateManifest, checkDateChanges, type DatesManifest } from './manifest.js';
export { readManifest, writeManifest, manifestRelativePath } from './manifest-store.js';
export { checkExternalLinks, defaultExternalCheckOptions, type ExternalCheckOptions, type ExternalResult } from './external.js';
