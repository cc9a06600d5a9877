import type { SiteConfig } from '../config/schema.js';
import { errorDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ContentError } from '../diagnostics/content-error.js';
import { parseDateText, resolveDate } from './dates.js';
import { renderMarkdown } from './markdown.js';
import { articleUrl } from './permalink.js';
import { slugFromPath, slugProblem } from './slug.js';
import { countCharacters, readingMinutes, truncateText } from './text-measure.js';
import { resolveColumn } from './column.js';
import type { Article, ParsedSource, ZonedDate } from './types.js';

const KNOWN_KEYS = new Set([
  'title', 'date', 'updated', 'source', 'editor', 'author', 'column', 'tags', 'summary', 'slug', 'draft', 'cover',
]);

const OPTIONAL_TEXT_KEYS = ['source', 'editor', 'author', 'summary', 'cover'] as const;

/** Collects every problem of one source before failing, so an editor sees them all at once. */
class Problems {
  readonly list: Diagnostic[] = [];
  constructor(private readonly parsed: ParsedSource) {}

  add(key: string, code: string, message: string, note?: string): void {
    const line = this.parsed.keyLines[key] ?? 1;
    const column = this.parsed.keyLines[key] === undefined ? 1 : (this.parsed.keyColumns?.[key] ?? 1);
    this.list.push(errorDiagnostic({ file: this.parsed.path, line, column, code, message, note }));
  }
}

/** Validate a parsed source against the site config and render its body into an Article. */
export function toArticle(parsed: ParsedSource, contentPath: string, config: SiteConfig): Article {
  const problems = new Problems(parsed);
  const data = parsed.data;
  const title = requiredText(data, 'title', problems);
  const date = dateField(data, 'date', config, problems, true);
  const updated = dateField(data, 'updated', config, problems, false);
  const slug = slugField(data, contentPath, problems);
  const column = resolveColumn(data.column ?? columnFromFolder(contentPath, config), config, (code, message, note) => problems.add('column', code, message, note));
  const tags = tagsField(data, problems);
  const draft = booleanField(data, 'draft', problems);
  for (const key of OPTIONAL_TEXT_KEYS) checkOptionalText(data, key, problems);
  if (problems.list.length > 0 || title === undefined || date === undefined || slug === undefined) {
    throw new ContentError(problems.list);
  }
  const rendered = renderMarkdown(parsed.body, { html: config.markdown.html });
  const charCount = countCharacters(rendered.plainText);
  const summaryText = optionalText(data, 'summary') ?? rendered.firstParagraph;
  const optional = {
    updated,
    column,
    source: optionalText(data, 'source'),
    editor: optionalText(data, 'editor'),
    author: optionalText(data, 'author'),
    cover: optionalText(data, 'cover'),
  };
  return {
    sourcePath: parsed.path,
    format: parsed.format,
    slug,
    url: articleUrl(config.permalink, { slug, date, column }),
    title,
    date,
    tags,
    summary: truncateText(summaryText, config.summaryLength),
    draft,
    html: rendered.html,
    text: rendered.plainText,
    sections: rendered.sections,
    charCount,
    readingMinutes: readingMinutes(charCount),
    extra: extraFields(data),
    ...definedOnly(optional),
  };
}

/** Drop undefined values, so optional fields are absent rather than undefined. */
function definedOnly<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** An article without a column field takes its top folder's name when that is a declared column key. */
function columnFromFolder(contentPath: string, config: SiteConfig): string | undefined {
  const top = contentPath.split('/')[0];
  return contentPath.includes('/') && config.columns.some((c) => c.key === top) ? top : undefined;
}

function requiredText(data: Readonly<Record<string, unknown>>, key: string, problems: Problems): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) {
    problems.add(key, `front-matter/missing-${key}`, `${key} is missing`, `add a line "${key}: ..." to the front matter`);
    return undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    problems.add(key, `front-matter/invalid-${key}`, `${key} must be text, not ${describe(value)}`);
    return undefined;
  }
  const text = String(value).trim();
  if (text === '') problems.add(key, `front-matter/empty-${key}`, `${key} is empty`);
  return text === '' ? undefined : text;
}

// A list or mapping where text belongs would otherwise vanish from the page without a word.
function checkOptionalText(data: Readonly<Record<string, unknown>>, key: string, problems: Problems): void {
  const value = data[key];
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number') return;
  problems.add(key, `front-matter/invalid-${key}`, `${key} must be text, not ${describe(value)}`, `write it on one line: ${key}: ...`);
}

function optionalText(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = data[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

function dateField(
  data: Readonly<Record<string, unknown>>,
  key: string,
  config: SiteConfig,
  problems: Problems,
  required: boolean,
): ZonedDate | undefined {
  const value = data[key];
  if (value === undefined || value === null) {
    if (required) problems.add(key, `front-matter/missing-${key}`, `${key} is missing`, `add a line "${key}: 2024-01-01" (or with a time: 2024-01-01 09:30)`);
    return undefined;
  }
  const parsed = typeof value === 'string' ? parseDateText(value) : undefined;
  if (!parsed) {
    problems.add(key, 'front-matter/invalid-date', `${key} is not a valid date: ${JSON.stringify(value)}`, 'write it as 2024-01-31 or 2024-01-31 09:30 (site time zone) or with an offset, 2024-01-31T09:30:00+08:00');
    return undefined;
  }
  return resolveDate(parsed, config.timezone);
}

function slugField(data: Readonly<Record<string, unknown>>, contentPath: string, problems: Problems): string | undefined {
  const given = data.slug;
  if (given !== undefined && typeof given !== 'string' && typeof given !== 'number') {
    problems.add('slug', 'front-matter/invalid-slug', `slug must be text, not ${describe(given)}`);
    return undefined;
  }
  const slug = given === undefined ? slugFromPath(contentPath) : String(given).trim();
  const problem = slugProblem(slug);
  if (problem === undefined) return slug;
  const where = given === undefined ? `the file name gives the slug ${JSON.stringify(slug)}, which` : `slug ${JSON.stringify(slug)}`;
  problems.add('slug', 'front-matter/invalid-slug', `${where} ${problem}`, 'use letters, digits and hyphens, e.g. slug: city-budget-2024');
  return undefined;
}

function tagsField(data: Readonly<Record<string, unknown>>, problems: Problems): string[] {
  const value = data.tags;
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? value.split(/[,，、]/) : Array.isArray(value) ? value : undefined;
  if (!list || list.some((t) => typeof t !== 'string' && typeof t !== 'number')) {
    problems.add('tags', 'front-matter/invalid-tags', 'tags must be a list of words, e.g. tags: [民生, 教育]');
    return [];
  }
  const tags = list.map((t) => String(t).trim()).filter((t) => t !== '');
  const bad = tags.find((t) => slugProblem(t) !== undefined && /[/\\\u0000-\u001f]|\.\./.test(t));
  if (bad !== undefined) problems.add('tags', 'front-matter/invalid-tags', `tag ${JSON.stringify(bad)} cannot be part of a URL`);
  return [...new Set(tags)];
}

function booleanField(data: Readonly<Record<string, unknown>>, key: string, problems: Problems): boolean {
  const value = data[key];
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  problems.add(key, `front-matter/invalid-${key}`, `${key} must be true or false, not ${JSON.stringify(value)}`);
  return false;
}

function extraFields(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !KNOWN_KEYS.has(key)));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}
