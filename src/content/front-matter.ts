import * as yaml from 'js-yaml';
import { failContent } from '../diagnostics/content-error.js';
import { readSimpleYaml } from './simple-yaml.js';
import type { ParsedSource } from './types.js';

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Split a Markdown source into YAML front matter and body. YAML is read with the core schema:
 * dates stay strings, so the site time zone (not UTC) gives them their meaning.
 */
export function parseFrontMatter(text: string, path: string): ParsedSource {
  const fence = frontMatterLines(text);
  if (fence === 'missing') {
    failContent({
      file: path,
      code: 'front-matter/missing',
      message: 'no front matter: an article starts with a "---" line, then at least title and date, then "---"',
      note: 'add at the top:\n---\ntitle: 标题\ndate: 2024-01-01\n---',
    });
  }
  if (fence === 'unclosed') {
    failContent({
      file: path,
      code: 'front-matter/unclosed',
      message: 'front matter is not closed',
      note: 'add a line "---" after the last front-matter key',
    });
  }
  const data = loadYaml(yamlBlock(text), path);
  const keys = keyPositionsOf(fence.lines.slice(1));
  const closing = fence.lines.length;
  return { path, format: 'markdown', data, body: text.slice(fence.bodyStart), bodyLine: closing + 2, keyLines: keys.lines, keyColumns: keys.columns };
}

/** The lines before the closing fence (the opening fence first) and where the body starts. */
interface FrontMatterLines {
  readonly lines: readonly string[];
  readonly bodyStart: number;
}

// Line by line up to the closing fence only: the body (most of the file) is never split into lines.
function frontMatterLines(text: string): FrontMatterLines | 'missing' | 'unclosed' {
  const lines: string[] = [];
  for (let at = 0; ; ) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl === -1 ? text.length : nl);
    if (lines.length === 0 && !FENCE.test(line)) return 'missing';
    if (lines.length > 0 && CLOSING_FENCE.test(line)) return { lines, bodyStart: nl === -1 ? text.length : nl + 1 };
    if (nl === -1) return 'unclosed';
    lines.push(line);
    at = nl + 1;
  }
}

/**
 * The YAML text as gray-matter (which this parser replaced) cut it, so that data and error positions stay
 * the same: from after the opening "---" to the first "\n---", even where "..." closed the front matter.
 */
function yamlBlock(text: string): string {
  const rest = text.slice(3);
  const close = rest.indexOf('\n---');
  return close === -1 ? rest : rest.slice(0, close);
}

function loadYaml(block: string, path: string): Record<string, unknown> {
  // Only comments and blank lines: no YAML to read (gray-matter's rule, kept).
  if (block.replace(/^\s*#[^\n]+/gm, '').trim() === '') return {};
  const simple = readSimpleYaml(block);
  if (simple !== undefined) return simple;
  let data: unknown;
  try {
    data = yaml.load(block, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const mark = error.mark as { line?: number; column?: number } | undefined;
    failContent(
      {
        file: path,
        line: (mark?.line ?? 0) + 1, // the block starts after the opening "---", with its newline
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
