/** Broadsheet's public API: the build and each pipeline stage, as named exports. */
export * from './diagnostics/index.js';

// The whole build
export { build, analyzeSite } from './build/build.js';
export type { BuildOptions, BuildResult, BuildStats, SiteAnalysis } from './build/build.js';
export { processSource, formatOf } from './build/source-pipeline.js';
export type { SourceOutcome } from './build/source-pipeline.js';

// config/
export { siteConfigSchema } from './config/schema.js';
export type { SiteConfig, SiteConfigInput, ColumnConfig, FriendlyLinkEntry } from './config/schema.js';
export { loadConfig } from './config/load.js';
export { resolveConfig } from './config/resolve.js';

// source/
export type { SourceFile } from './source/source-file.js';
export { findSources } from './source/find.js';
export { readSource } from './source/read.js';

// text/
export type * from './text/types.js';
export { decode, decodeSource, formatEncodingReport, encodingTally } from './text/decode/index.js';
export { repairText, normalizeText, convertScript, convertHtmlText } from './text/repair/index.js';

// content/
export type * from './content/types.js';
export { parseFrontMatter } from './content/front-matter.js';
export { renderMarkdown } from './content/markdown.js';
export { toArticle } from './content/article.js';
export { parseLegacyText } from './content/legacy-text.js';
export { parseLegacyHtml } from './content/legacy-html.js';
export type { LegacyParsedSource, LegacySection } from './content/legacy-source.js';
export { importLegacy } from './content/import-legacy.js';
export type { ImportLegacyOptions, ImportedArticle } from './content/import-legacy.js';
export { serializeMarkdownSource } from './content/serialize.js';
export { parseDateText, resolveDate, zonedDate } from './content/dates.js';

// site/, render/, write/
export type * from './site/types.js';
export { buildSiteModel } from './site/model.js';
export { paginate } from './site/paginate.js';
export { createRenderer, renderSite, renderArticlePage, defaultThemeDir, themeDirsFor } from './render/index.js';
export type { Page } from './render/page.js';

// outputs/
export { renderOutputPages, renderFeedPages, renderSitemapPages, renderNewsSitemap, renderRobots, newsArticleJsonLd } from './outputs/index.js';
export type { Writer } from './write/writer.js';
export { FsWriter } from './write/fs-writer.js';
export { MemoryWriter } from './write/memory-writer.js';

// cli/
export { main } from './cli/main.js';
