import { failContent, warningDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { ParsedSource } from './types.js';
import type { LegacyField } from './legacy-fields.js';
import { escapeMarkdownText } from './markdown-escape.js';

/** A run of paragraphs under an optional subheading; paragraphs are Markdown, the heading plain text. */
export interface LegacySection {
  readonly heading?: string;
  readonly paragraphs: readonly string[];
}

/** What a legacy parser returns: a ParsedSource, plus its sections and the warnings it raised. */
export interface LegacyParsedSource extends ParsedSource {
  readonly format: 'legacy-text' | 'legacy-html';
  readonly sections: readonly LegacySection[];
  readonly warnings: readonly Diagnostic[];
}

/** A metadata value and the 1-based line where it was found. */
export interface FoundValue {
  readonly value: string;
  readonly line: number;
}

/** What a legacy parser found, before the required fields are checked. */
export interface LegacyFindings {
  readonly path: string;
  readonly format: 'legacy-text' | 'legacy-html';
  readonly fields: Readonly<Partial<Record<'title' | LegacyField, FoundValue>>>;
  readonly sections: readonly LegacySection[];
  readonly bodyLine: number;
}

const fieldOrder = ['title', 'date', 'source', 'author', 'editor'] as const;

/** Check the findings (title and date required, source and editor expected) and build the ParsedSource. */
export function finishLegacyParse(found: LegacyFindings): LegacyParsedSource {
  requireField(found, 'title', 'no title found', 'the title is the first line after the page-header date');
  requireField(found, 'date', 'no date found', 'add a line such as `发布日期：2023-12-20` under the title');
  const data: Record<string, string> = {};
  const keyLines: Record<string, number> = {};
  for (const key of fieldOrder) {
    const value = found.fields[key];
    if (value === undefined) continue;
    data[key] = value.value;
    keyLines[key] = value.line;
  }
  return {
    path: found.path,
    format: found.format,
    data,
    body: sectionsToMarkdown(found.sections),
    bodyLine: found.bodyLine,
    keyLines,
    sections: found.sections,
    warnings: missingFieldWarnings(found),
  };
}

/** The sections as a Markdown body: `## ` subheadings, paragraphs separated by blank lines. */
export function sectionsToMarkdown(sections: readonly LegacySection[]): string {
  const blocks = sections.flatMap((s) => [
    ...(s.heading === undefined ? [] : [`## ${escapeMarkdownText(s.heading)}`]),
    ...s.paragraphs,
  ]);
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

/** Group blocks into sections: a heading opens a new section, paragraphs join the current one. */
export function groupSections(blocks: readonly LegacyBlock[]): LegacySection[] {
  const sections: { heading?: string; paragraphs: string[] }[] = [];
  for (const block of blocks) {
    const current = sections.at(-1);
    if (block.kind === 'heading') sections.push({ heading: block.text, paragraphs: [] });
    else if (current) current.paragraphs.push(block.markdown);
    else sections.push({ paragraphs: [block.markdown] });
  }
  return sections;
}

/** One block of an article body in reading order. */
export type LegacyBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly markdown: string };

function requireField(found: LegacyFindings, field: 'title' | 'date', message: string, note: string): void {
  if (found.fields[field] !== undefined) return;
  failContent({ file: found.path, code: `legacy/missing-${field}`, message, note });
}

function missingFieldWarnings(found: LegacyFindings): Diagnostic[] {
  return (['source', 'editor'] as const)
    .filter((field) => found.fields[field] === undefined)
    .map((field) =>
      warningDiagnostic({
        file: found.path,
        code: `legacy/missing-${field}`,
        message: `no ${field} found`,
        note: `add it to the front matter after \`broadsheet import\`, or a line such as \`${field === 'source' ? '信息来源' : '编辑'}：...\` to the export`,
      }),
    );
}
