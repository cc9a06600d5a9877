import { createRequire } from 'node:module';
import type { XMLBuilder as Builder } from 'fast-xml-parser';

// The package's one-file CommonJS build: its ES modules are 25 files that took 40 ms to load on every
// build, warm ones included; this takes 6.
const { XMLBuilder } = createRequire(import.meta.url)('fast-xml-parser') as { XMLBuilder: typeof Builder };

/** Content of an XML element for `buildXml`: text, child elements, or a list of repeated siblings. */
export type XmlContent = string | number | XmlElement | readonly XmlContent[];

/** Child elements by name; `@_name` keys are attributes, `#text` is text beside attributes. */
export interface XmlElement {
  readonly [name: string]: XmlContent | undefined;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
  suppressBooleanAttributes: false,
});

// XML 1.0 cannot carry C0 controls, lone surrogates or U+FFFE/FFFF even as references: one stray
// control character from a legacy export would make the whole feed unreadable to every client.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Serialize one root element as an XML document: escaped, indented, with a declaration and a final newline. */
export function buildXml(root: XmlElement): string {
  const body = String(builder.build(clean(root))).trimEnd();
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}

function clean(content: XmlContent): XmlContent {
  if (typeof content === 'string') return content.replace(NOT_XML_CHAR, '');
  if (typeof content === 'number') return content;
  if (Array.isArray(content)) return content.map((c: XmlContent) => clean(c));
  const result: Record<string, XmlContent> = {};
  for (const [name, value] of Object.entries(content as XmlElement)) {
    if (value !== undefined) result[name] = clean(value);
  }
  return result;
}
