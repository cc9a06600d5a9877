import matter from 'gray-matter';
import * as yaml from 'js-yaml';
import { failContent } from '../diagnostics/content-error.js';
import type { ParsedSource } from './types.js';

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Split a Markdown source into YAML front matter and body. YAML is read with the core schema:
 * dates stay strings, so the site time zone (not UTC) gives them their meaning.
 */
export function parseFrontMatter(text: string, path: string): ParsedSource {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    failContent({
      file: path,
      code: 'front-matter/missing',
      message: 'no front matter: an article starts with a "---" line, then at least title and date, then "---"',
      note: 'add at the top:\n---\ntitle: 标题\ndate: 2024-01-01\n---',
    });
  }
  const closing = lines.findIndex((line, i) => i > 0 && CLOSING_FENCE.test(line));
  if (closing < 0) {
    failContent({
      file: path,
      code: 'front-matter/unclosed',
      message: 'front matter is not closed',
      note: 'add a line "---" after the last front-matter key',
    });
  }
  const data = loadYaml(text, path);
  const body = lines.slice(closing + 1).join('\n');
  const keys = keyPositionsOf(lines.slice(1, closing));
  return { path, format: 'markdown', data, body, bodyLine: closing + 2, keyLines: keys.lines, keyColumns: keys.columns };
}

function loadYaml(text: string, path: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = matter(text, { engines: { yaml: (s: string) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object } }).data;
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const mark = error.mark as { line?: number; column?: number } | undefined;
    failContent(
      {
        file: path,
        line: (mark?.line ?? 0) + 1, // gray-matter hands js-yaml the text after the opening "---", starting with its newline
        column: (mark?.column ?? 0) + 1,
        code: 'front-matter/yaml',
        message: `front matter is not valid YAML: ${error.reason}`,
        note: 'values with ":" "#" or quotes need quoting, e.g. title: "标题：副标题"',
      },
      error,
    );
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    failContent({ file: path, line: 2, code: 'front-matter/not-a-mapping', message: 'front matter must be "key: value" lines' });
  }
  return data as Record<string, unknown>;
}

// Errors about a value point at the value (`date: 2024-02-30` -> column 7), as an editor looks for it.
function keyPositionsOf(frontMatterLines: readonly string[]): { lines: Record<string, number>; columns: Record<string, number> } {
  const lines: Record<string, number> = {};
  const columns: Record<string, number> = {};
  frontMatterLines.forEach((line, i) => {
    const m = /^(["']?)([^\s#:'"][^:'"]*)\1\s*:[ \t]*/.exec(line);
    if (m?.[2] === undefined || lines[m[2]] !== undefined) return;
    lines[m[2]] = i + 2;
    columns[m[2]] = m[0].length < line.length ? [...m[0]].length + 1 : 1;
  });
  return { lines, columns };
}
