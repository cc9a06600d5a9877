import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { importLegacy, legacyFormatOf, type ImportedArticle } from '../content/import-legacy.js';
import { serializeMarkdownSource } from '../content/serialize.js';
import { formatDiagnostic, isContentError } from '../diagnostics/index.js';
import type { ScriptSetting } from '../text/types.js';
import type { CliIo } from './io.js';

/** Options of `broadsheet import`. */
export interface ImportCommandOptions {
  /** Folder the Markdown sources are written into (e.g. `content/news`). */
  readonly out: string;
  /** Overwrite Markdown files that already exist. */
  readonly force: boolean;
  /** Absolute URL relative image and link addresses in HTML exports are resolved against. */
  readonly baseUrl?: string;
  /** Column key written into each file's front matter. */
  readonly column?: string;
  /** Target script of the repair stage; default `keep`. */
  readonly script?: ScriptSetting;
}

/** One export to import and the path, relative to the output folder, of the Markdown file it becomes. */
interface Job {
  readonly file: string;
  readonly target: string;
}

/**
 * `broadsheet import SRC... --out DIR`: one Markdown source per plain-text or HTML export, a line
 * per file; directories are imported recursively. Exit 1 when any file could not be imported.
 */
export async function importCommand(sources: readonly string[], options: ImportCommandOptions, io: CliIo): Promise<number> {
  let failed = false;
  const jobs: Job[] = [];
  for (const source of sources) {
    const found = await jobsFor(source, io);
    if (found === undefined) failed = true;
    else jobs.push(...found);
  }
  const written = new Set<string>();
  for (const job of jobs) {
    if (!(await importOne(job, options, io, written))) failed = true;
  }
  return failed ? 1 : 0;
}

async function jobsFor(source: string, io: CliIo): Promise<Job[] | undefined> {
  const absolute = path.resolve(io.cwd, source);
  const info = await stat(absolute).catch(() => undefined);
  if (info === undefined) {
    io.err(`${shown(source)}:1:1: error: no such file or folder [import/not-found]`);
    return undefined;
  }
  if (info.isDirectory()) {
    const files = await legacyFilesUnder(absolute);
    return files.map((file) => ({ file: path.relative(io.cwd, file), target: markdownName(path.relative(absolute, file)) }));
  }
  if (legacyFormatOf(absolute) === undefined) {
    io.err(`${shown(source)}:1:1: error: not a legacy export: expected a .txt, .html or .htm file [legacy/unknown-format]`);
    return undefined;
  }
  return [{ file: source, target: markdownName(path.basename(absolute)) }];
}

/** Legacy exports under a folder, sorted so the output is stable. */
async function legacyFilesUnder(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true })).filter((name) => legacyFormatOf(name) !== undefined);
  const files: string[] = [];
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    if ((await stat(file)).isFile()) files.push(file);
  }
  return files;
}

async function importOne(job: Job, options: ImportCommandOptions, io: CliIo, written: Set<string>): Promise<boolean> {
  const target = path.resolve(io.cwd, options.out, job.target);
  const targetShown = shown(path.relative(io.cwd, target));
  if (written.has(target)) return refuse(io, job, `another source was already imported to ${targetShown}`, 'rename one of them');
  if (!options.force && (await stat(target).catch(() => undefined)) !== undefined) {
    return refuse(io, job, `${targetShown} already exists`, 'pass --force to overwrite it');
  }
  let article: ImportedArticle;
  try {
    article = importLegacy(await readFile(path.resolve(io.cwd, job.file)), {
      path: shown(job.file),
      ...(options.script === undefined ? {} : { script: options.script }),
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    });
  } catch (error) {
    if (!isContentError(error)) throw error;
    io.err(error.diagnostics.map(formatDiagnostic).join('\n'));
    return false;
  }
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, serializeMarkdownSource(article.parsed, options.column === undefined ? {} : { column: options.column }), 'utf8');
  written.add(target);
  io.out(`${shown(job.file)} -> ${targetShown}: ${summary(article)}`);
  for (const warning of article.warnings) io.err(formatDiagnostic(warning));
  return true;
}

/** What the import found, repaired and could not find, on one line. */
export function summary(article: ImportedArticle): string {
  const fields = ['title', 'date', 'source', 'author', 'editor'] as const;
  const found = fields.filter((f) => article[f] !== undefined);
  const missing = (['source', 'editor'] as const).filter((f) => article[f] === undefined);
  const counts = new Map<string, number>();
  for (const r of article.repairs) counts.set(r.rule, (counts.get(r.rule) ?? 0) + 1);
  const rules = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, n]) => `${rule} ${n}`);
  const repaired = rules.length === 0 ? 'nothing repaired' : `repaired ${article.repairs.length} (${rules.join(', ')})`;
  const paragraphs = article.sections.reduce((n, s) => n + s.paragraphs.length, 0);
  const body = `sections ${article.sections.length}, paragraphs ${paragraphs}`;
  return [article.encoding, `found ${found.join(', ')}`, body, repaired, `missing ${missing.length === 0 ? 'nothing' : missing.join(', ')}`].join('; ');
}

function refuse(io: CliIo, job: Job, message: string, note: string): false {
  io.err(`${shown(job.file)}:1:1: error: ${message} [import/exists]\n  note: ${note}`);
  return false;
}

function markdownName(relative: string): string {
  return relative.replace(/\.(txt|html?)$/i, '.md');
}

function shown(file: string): string {
  return file.split(path.sep).join('/');
}
