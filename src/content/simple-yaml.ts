// The front matter of nearly every article is a few `key: "text"`, `key: 中文` and `key: 2024-01-31 09:30`
// lines: read that shape directly, because js-yaml spends ~30 us setting up each call; anything else,
// however slightly different (an escape, a tab, a comment, a list, a repeated key), goes to js-yaml.

const KEY_LINE = /^([a-z][a-z0-9_]*): (.+)$/;
// Printable characters YAML takes as they are: no controls, tabs, NEL, surrogates, BOM or noncharacters.
const SAFE = '\\x20-\\x7e\\xa0-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd';
// The same without `"` and `\\`, so that a quoted value has no escape to decode.
const SAFE_QUOTED = '\\x20\\x21\\x23-\\x5b\\x5d-\\x7e\\xa0-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd';
const DOUBLE_QUOTED = new RegExp(`^"([${SAFE_QUOTED}]*)"$`);
// Starts with a Han character (so it is no null, boolean or number); no `: `, ` #` or final `:`, which YAML reads as syntax.
const PLAIN_TEXT = new RegExp(`^\\p{Script=Han}(?:(?!: | #)[${SAFE}])*(?<![: ])$`, 'u');
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?$/;

/**
 * The mapping js-yaml (core schema) would read from `block`, the text after the opening `---`, when every
 * line has the simple shape; undefined otherwise.
 */
export function readSimpleYaml(block: string): Record<string, string> | undefined {
  if (!block.startsWith('\n')) return undefined;
  const data: Record<string, string> = {};
  for (const line of block.slice(1).split('\n')) {
    const m = KEY_LINE.exec(line);
    const key = m?.[1];
    const value = m?.[2];
    if (key === undefined || value === undefined || Object.hasOwn(data, key)) return undefined;
    const quoted = DOUBLE_QUOTED.exec(value);
    if (quoted?.[1] !== undefined) data[key] = quoted[1];
    else if (PLAIN_TEXT.test(value) || PLAIN_DATE.test(value)) data[key] = value;
    else return undefined;
  }
  return data;
}
