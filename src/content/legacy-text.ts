import { failContent } from '../diagnostics/index.js';
import { findLegacyDate, labelledLine, type LegacyField } from './legacy-fields.js';
import { finishLegacyParse, groupSections, type FoundValue, type LegacyBlock, type LegacyParsedSource } from './legacy-source.js';
import { escapeMarkdownText } from './markdown-escape.js';

/** Options of `parseLegacyText`. */
export interface LegacyTextOptions {
  /** Used in diagnostics. */
  readonly path: string;
}

interface Line {
  readonly text: string;
  /** 1-based line number in the original file. */
  readonly line: number;
}

type Fields = Partial<Record<'title' | LegacyField, FoundValue>>;

const pageHeaderDate = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期|週|周)[一二三四五六日天]$/;
const furnitureEnd = /^(友情链接|友情鏈接|相关链接|相關鏈接|相关新闻|相關新聞)/;
const furnitureLine = /^([?？]+|【?(打印本页|打印本頁|关闭窗口|關閉窗口|打印|关闭|關閉|返回顶部|返回頂部)】?|分享到.*|【字体.*|【字體.*)$/;
const closingPunctuation = /[。！？；：，、,.!?;:…”」』）)]$/;
const maxHeadingLength = 40;

/** Parse a plain-text export (already decoded and repaired) into a Markdown ParsedSource. */
export function parseLegacyText(text: string, options: LegacyTextOptions): LegacyParsedSource {
  const lines = contentLines(text);
  const fields: Fields = {};
  let index = skipPageHeader(lines);
  const title = lines[index];
  if (title && labelledLine(title.text).length === 0) {
    fields.title = { value: title.text, line: title.line };
    index++;
  }
  index = readMetadata(lines, index, fields, options.path);
  const bodyLines = withoutFurniture(lines.slice(index));
  const blocks = bodyBlocks(bodyLines, fields, options.path);
  return finishLegacyParse({
    path: options.path,
    format: 'legacy-text',
    fields,
    sections: groupSections(blocks),
    bodyLine: bodyLines[0]?.line ?? lines.at(-1)?.line ?? 1,
  });
}

/** Non-blank lines, trimmed of the ASCII and ideographic spaces exports use as indents. */
function contentLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ text: raw.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''), line: i + 1 }))
    .filter((l) => l.text !== '');
}

function skipPageHeader(lines: readonly Line[]): number {
  return lines[0] && pageHeaderDate.test(lines[0].text) ? 1 : 0;
}

function readMetadata(lines: readonly Line[], start: number, fields: Fields, path: string): number {
  let index = start;
  for (let line = lines[index]; line; line = lines[++index]) {
    const found = labelledLine(line.text);
    if (found.length === 0) break;
    for (const { field, value } of found) setField(fields, field, value, line.line, path);
  }
  return index;
}

function setField(fields: Fields, field: LegacyField, value: string, line: number, path: string): void {
  if (fields[field] !== undefined || value === '') return;
  if (field !== 'date') {
    fields[field] = { value, line };
    return;
  }
  const date = findLegacyDate(value);
  if (date === undefined) {
    failContent({
      file: path,
      line,
      code: 'legacy/invalid-date',
      message: `date is not a date: "${value}"`,
      note: 'write it as 2023-12-20 or 2023年12月20日, optionally followed by a time such as 09:30',
    });
  }
  fields.date = { value: date, line };
}

/** Drop page furniture: everything from `友情链接` on, and print/close/share lines anywhere. */
function withoutFurniture(lines: readonly Line[]): Line[] {
  const end = lines.findIndex((l) => furnitureEnd.test(l.text));
  return (end === -1 ? lines : lines.slice(0, end)).filter((l) => !furnitureLine.test(l.text));
}

function bodyBlocks(lines: readonly Line[], fields: Fields, path: string): LegacyBlock[] {
  const blocks: LegacyBlock[] = [];
  lines.forEach((line, i) => {
    const labelled = i >= lines.length - 3 ? labelledLine(line.text) : [];
    if (labelled.length > 0 && line.text.length <= 30) {
      for (const { field, value } of labelled) setField(fields, field, value, line.line, path);
    } else if (isSubheading(line.text, lines[i + 1])) {
      blocks.push({ kind: 'heading', text: line.text });
    } else {
      blocks.push({ kind: 'paragraph', markdown: escapeMarkdownText(line.text) });
    }
  });
  return blocks;
}

/** A short line without closing punctuation, followed by more text, is a section subheading. */
function isSubheading(text: string, next: Line | undefined): boolean {
  if (next === undefined || labelledLine(next.text).length > 0) return false;
  return [...text].length <= maxHeadingLength && !closingPunctuation.test(text) && !/[。！？]/.test(text);
}
