import { stringify } from 'yaml';
import type { ParsedSource } from './types.js';

/** Extra front-matter values `broadsheet import` adds to what the parser found. */
export interface SerializeExtra {
  /** Column (栏目) key the imported article belongs to. */
  readonly column?: string;
}

const keyOrder = ['title', 'date', 'source', 'author', 'editor', 'column'];

/**
 * A ParsedSource as a UTF-8 Markdown source: YAML front matter, a blank line, the body.
 * Values are written as YAML 1.1 so that strings js-yaml (the front-matter parser) would read as
 * dates, numbers or booleans (`2023-12-20`, `yes`, `123`) are quoted and come back as the
 * same strings: building the import gives what building the raw export gave.
 */
export function serializeMarkdownSource(parsed: ParsedSource, extra: SerializeExtra = {}): string {
  const data: Record<string, unknown> = { ...parsed.data };
  if (extra.column !== undefined) data['column'] = extra.column;
  const ordered = Object.fromEntries(
    Object.entries(data)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => rank(a) - rank(b)),
  );
  const yaml = stringify(ordered, { version: '1.1', lineWidth: 0 });
  const body = parsed.body.endsWith('\n') || parsed.body === '' ? parsed.body : `${parsed.body}\n`;
  return `---\n${yaml}---\n\n${body}`;
}

function rank(key: string): number {
  const index = keyOrder.indexOf(key);
  return index === -1 ? keyOrder.length : index;
}
