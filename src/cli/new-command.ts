import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultConfigFile, loadConfig } from '../config/load.js';
import { zonedDate } from '../content/dates.js';
import { resolveColumn } from '../content/column.js';
import { slugProblem } from '../content/slug.js';
import { failContent } from '../diagnostics/content-error.js';
import { titleSlug } from '../text/pinyin-slug.js';
import { buildTime } from './build-time.js';
import type { CliIo } from './io.js';

/** Flags of `broadsheet new`. */
export interface NewFlags {
  readonly column?: string;
  readonly slug?: string;
  readonly content?: string;
  readonly config?: string;
}

/** `broadsheet new "标题"`: write content/YYYY/MM/<slug>.md with front matter for today. */
export async function newCommand(title: string, flags: NewFlags, io: CliIo): Promise<number> {
  const configPath = path.resolve(io.cwd, flags.config ?? defaultConfigFile);
  const config = await loadConfig(configPath, path.relative(io.cwd, configPath));
  const now = zonedDate(buildTime(io.env), config.timezone);
  const slug = flags.slug ?? titleSlug(title);
  const problem = slugProblem(slug);
  if (problem) failContent({ file: '<argv>', code: 'new/invalid-slug', message: `slug ${JSON.stringify(slug)} ${problem}`, note: 'pass --slug my-article' });
  const column = flags.column === undefined ? undefined : resolveColumn(flags.column, config, (code, message, note) => failContent({ file: '<argv>', code, message, note }));
  const mm = String(now.month).padStart(2, '0');
  const rel = path.join(flags.content ?? 'content', String(now.year), mm, `${slug}.md`);
  const file = path.resolve(io.cwd, rel);
  if (existsSync(file)) failContent({ file: rel, code: 'new/exists', message: 'file exists; not overwritten', note: 'choose another --slug' });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, articleTemplate(title, now.iso.slice(0, 16).replace('T', ' '), column), 'utf8');
  io.out(`Created ${rel.split(path.sep).join('/')}`);
  return 0;
}

function articleTemplate(title: string, date: string, column: string | undefined): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${date}`,
    ...(column === undefined ? [] : [`column: ${column}`]),
    'source: ""',
    'editor: ""',
    'tags: []',
    '---',
    '',
    '导语段落。',
    '',
    '## 小标题',
    '',
    '正文段落。',
    '',
  ];
  return lines.join('\n');
}
