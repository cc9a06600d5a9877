// CommonMark lets a backslash escape any ASCII punctuation; we escape only what could start
// markup, so imported sources stay readable (`2023-12-20`, not `2023\-12\-20`).
const inlineSpecial = /[\\`*_[\]<>&~|!]/g;
const blockStart = /^(#|>|[-+=]|\d+[.)])/;

/** Escape one line of plain text so Markdown renders it literally. */
export function escapeMarkdownText(text: string): string {
  return escapeBlockStart(escapeMarkdownLabel(text));
}

/** Escape text inside a line (or the brackets of a link or image), where block markers mean nothing. */
export function escapeMarkdownLabel(text: string): string {
  return text.replace(inlineSpecial, '\\$&');
}

/** Escape what would make the start of an (inline-escaped) line a heading, quote or list item. */
export function escapeBlockStart(line: string): string {
  return line.replace(blockStart, (start) => (/^\d/.test(start) ? `${start.slice(0, -1)}\\${start.slice(-1)}` : `\\${start}`));
}

/** A URL as a Markdown link destination: angle brackets when it holds spaces or parentheses. */
export function markdownDestination(url: string): string {
  if (!/[\s()<>]/.test(url)) return url;
  return `<${url.replace(/[<>\\]/g, (c) => encodeURIComponent(c))}>`;
}
