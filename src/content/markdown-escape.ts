// CommonMark lets a backslash escape any ASCII punctuation; we escape only what could start
// markup, so imported sources stay readable (`2023-12-20`, not `2023\-12\-20`).
const inlineSpecial = /[\\`*_[\]<>&~|!]/g;
const blockStart = /^(#|>|[-+=]|\d+[.)])/;

/** Escape one line of plain text so Markdown renders it literally. */
export function escapeMarkdownText(text: string): string {
  const inline = text.replace(inlineSpecial, '\\$&');
  return inline.replace(blockStart, (start) => (/^\d/.test(start) ? `${start.slice(0, -1)}\\${start.slice(-1)}` : `\\${start}`));
}

/** Escape text for use inside the brackets of a Markdown link or image. */
export function escapeMarkdownLabel(text: string): string {
  return text.replace(/[\\`*_[\]<>&~|!]/g, '\\$&');
}

/** A URL as a Markdown link destination: angle brackets when it holds spaces or parentheses. */
export function markdownDestination(url: string): string {
  if (!/[\s()<>]/.test(url)) return url;
  return `<${url.replace(/[<>\\]/g, (c) => encodeURIComponent(c))}>`;
}
