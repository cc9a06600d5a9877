import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildXml } from '../../../src/outputs/xml.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });

describe('buildXml', () => {
  it.each([
    ['ampersand and angle brackets', '营商 & 环境 <优化>', '营商 & 环境 <优化>'],
    ['an HTML fragment', '<p>正文 &amp; "引号"</p>', '<p>正文 &amp; "引号"</p>'],
    ['a C0 control character from a legacy export', '通知\u0008公告\u001F', '通知公告'],
    ['a lone surrogate', 'a\uD800b', 'ab'],
    ['an astral character (kept whole)', '𠀀字', '𠀀字'],
  ])('escapes %s so a parser reads the text back', (_name, text, expected) => {
    const xml = buildXml({ root: { title: text, link: { '@_href': `https://x.cn/?a=1&b=${text}` } } });
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml) as { root: { title: string; link: { '@_href': string } } };
    expect(parsed.root.title).toBe(expected);
    expect(parsed.root.link['@_href']).toBe(`https://x.cn/?a=1&b=${expected}`);
  });

  it('writes a declaration, repeats arrays as siblings, keeps attribute values like "true" and drops undefined', () => {
    const xml = buildXml({ r: { item: ['一', '二'], guid: { '@_isPermaLink': 'true', '#text': 'u' }, gone: undefined } });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<r>')).toBe(true);
    expect(xml).toContain('<guid isPermaLink="true">u</guid>');
    expect(xml).not.toContain('gone');
    expect((parser.parse(xml) as { r: { item: string[] } }).r.item).toEqual(['一', '二']);
  });
});
