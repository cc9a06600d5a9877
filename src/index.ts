/** Broadsheet's public API: the pipeline stages as named exports. */
export * from './diagnostics/index.js';
export type { SourceFile } from './source/source-file.js';
export type * from './text/types.js';
export type * from './content/types.js';
export type { Page } from './render/page.js';
export { siteConfigSchema } from './config/schema.js';
export type { SiteConfig, SiteConfigInput, ColumnConfig, FriendlyLinkEntry } from './config/schema.js';
export { importLegacy } from './content/import-legacy.js';
export type { ImportLegacyOptions, ImportedArticle } from './content/import-legacy.js';
export { parseLegacyText } from './content/legacy-text.js';
export { parseLegacyHtml } from './content/legacy-html.js';
export type { LegacyParsedSource, LegacySection } from './content/legacy-source.js';
export { serializeMarkdownSource } from './content/serialize.js';
