import { z } from 'zod';

const link = z.strictObject({
  name: z.string().min(1),
  url: z.string().url(),
});

const linkGroup = z.strictObject({
  group: z.string().min(1),
  links: z.array(link),
});

const column = z.strictObject({
  /** URL segment and front-matter value, e.g. `news`. */
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens'),
  /** Display name, e.g. `区县动态`. */
  name: z.string().min(1),
  description: z.string().optional(),
  /** News columns must be updated every 14 days, notices and policy columns every 180 (site audit). */
  kind: z.enum(['news', 'notice', 'policy']).default('news'),
  updateIntervalDays: z.number().int().positive().optional(),
  /** Other names an editor may write in front matter (`column: 区县动态`). */
  aliases: z.array(z.string()).default([]),
});

const footer = z.strictObject({
  sponsor: z.string().optional(),
  organizer: z.string().optional(),
  contact: z.string().optional(),
  address: z.string().optional(),
  icp: z.string().optional(),
  publicSecurity: z.string().optional(),
  siteCode: z.string().optional(),
});

const repairRules = z.strictObject({
  'pinyin-annotations': z.boolean().default(true),
  'cjk-punctuation': z.boolean().default(true),
  'paragraph-indent': z.boolean().default(true),
});

const staleAfterDays = z.strictObject({
  news: z.number().int().positive().default(14),
  notice: z.number().int().positive().default(180),
  policy: z.number().int().positive().default(180),
});

/** Site audit settings: the word list file (site-relative) and how old a column's newest article may be, by column kind. */
const audit = z.strictObject({
  wordList: z.string().min(1).optional(),
  staleAfterDays: staleAfterDays.default({ news: 14, notice: 180, policy: 180 }),
});
/** The copy of the site in the other Chinese script, under a path prefix such as `/zh-hant/`. */
const mirror = z.union([
  z.literal(false),
  z.strictObject({
    script: z.enum(['zh-Hans', 'zh-Hant']),
    prefix: z.string().regex(/^\/[a-z0-9][a-z0-9-]*\/$/, 'use one path segment between slashes, e.g. "/zh-hant/"'),
  }),
]);

const defaultCandidates = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'];

/** The schema of site.config.json. Every key is documented in README's config reference. */
export const siteConfigSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().default(''),
  baseUrl: z.string().url().refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://'),
  language: z.string().default('zh-CN'),
  timezone: z
    .string()
    .default('Asia/Shanghai')
    .refine(isTimeZone, 'is not an IANA time zone such as "Asia/Shanghai"'),
  pageSize: z.number().int().min(1).max(1000).default(20),
  permalink: z.string().default('/:year/:month/:slug/'),
  paginationPath: z.string().default('/page/:n/'),
  columns: z.array(column).default([]),
  friendlyLinks: z.array(z.union([link, linkGroup])).default([]),
  footer: footer.default({}),
  publisher: z.strictObject({ name: z.string().optional(), logo: z.string().optional() }).default({}),
  markdown: z.strictObject({ html: z.boolean().default(false) }).default({ html: false }),
  encoding: z.record(z.string(), z.string()).default({}),
  candidates: z.array(z.string()).min(1).default(defaultCandidates),
  repair: repairRules.default({ 'pinyin-annotations': true, 'cjk-punctuation': true, 'paragraph-indent': true }),
  script: z.enum(['zh-Hans', 'zh-Hant', 'keep']).default('keep'),
  summaryLength: z.number().int().min(10).max(1000).default(120),
  /** Omitted: a Chinese site gets a mirror in the other script (see render/mirror.ts). */
  mirror: mirror.optional(),
  /** Build the site search index and the /search/ page; on when omitted (site/search-default.ts). */
  search: z.boolean().optional(),
  feed: z
    .strictObject({ items: z.number().int().min(1).default(20), fullText: z.boolean().default(true) })
    .default({ items: 20, fullText: true }),
  audit: audit.default({ staleAfterDays: { news: 14, notice: 180, policy: 180 } }),
});

/** Site settings after validation and defaults. */
export type SiteConfig = z.output<typeof siteConfigSchema>;
/** Site settings as written in site.config.json. */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
/** A column as declared in the config. */
export type ColumnConfig = SiteConfig['columns'][number];
/** The `audit` section of the config. */
export type AuditConfig = SiteConfig['audit'];
/** A friendly link or a titled group of them. */
export type FriendlyLinkEntry = SiteConfig['friendlyLinks'][number];

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
