import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { buildInMemory, makeSite, page, siteConfig, type TempSite } from '../helpers/site.js';

let site: TempSite | undefined;
afterEach(() => site?.dispose());

const simplified = '第二批主题教育开展以来，市中区通过深入调查研究查找问题，创新机制办法解决了一批群众关切、发展所需的难题。';
const traditional = '第二批主題教育開展以來，市中區通過深入調查研究查找問題，創新機制辦法解決了一批群眾關切、發展所需的難題。';

function markdown(title: string, day: number, body: string): string {
  return `---\ntitle: ${title}\ndate: 2024-01-0${day}\nsource: 濟南日報\n---\n\n${body}\n`;
}

const withBom = (bom: number[], bytes: Uint8Array) => new Uint8Array([...bom, ...bytes]);

describe('a site whose sources come in every encoding a newsroom has', () => {
  it('renders every article with the right text', async () => {
    site = makeSite(
      {
        'content/utf8.md': markdown('统一编码', 1, simplified),
        'content/utf8-bom.md': withBom([0xef, 0xbb, 0xbf], iconv.encode(markdown('带签名的编码', 2, simplified), 'utf8')),
        'content/gb18030.md': iconv.encode(markdown('国标编码', 3, simplified).replace(/\n/g, '\r\n'), 'gb18030'),
        'content/big5.md': iconv.encode(markdown('大五碼', 4, traditional), 'big5'),
        'content/utf16le.md': withBom([0xff, 0xfe], iconv.encode(markdown('小端序', 5, simplified), 'utf16le')),
        'content/utf16be.md': iconv.encode(markdown('大端序', 6, simplified), 'utf16be'),
      },
      siteConfig({ script: 'keep' }),
    );
    const { result, writer } = await buildInMemory(site.root);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const encodings = Object.fromEntries(result.stats.outcomes.map((o) => [o.path, `${o.encoding} ${o.decidedBy}`]));
    expect(encodings).toEqual({
      'content/big5.md': 'big5 detected',
      'content/gb18030.md': 'gb18030 detected',
      'content/utf16be.md': 'utf-16be detected',
      'content/utf16le.md': 'utf-16le bom',
      'content/utf8-bom.md': 'utf-8 bom',
      'content/utf8.md': 'utf-8 utf8',
    });
    const expected: [string, string, string][] = [
      ['utf8', '统一编码', simplified],
      ['utf8-bom', '带签名的编码', simplified],
      ['gb18030', '国标编码', simplified],
      ['big5', '大五碼', traditional],
      ['utf16le', '小端序', simplified],
      ['utf16be', '大端序', simplified],
    ];
    for (const [slug, title, body] of expected) {
      const $ = page(writer, `2024/01/${slug}/index.html`);
      expect($('h1').text()).toBe(title);
      expect($('.article-body p').first().text()).toBe(body);
      expect($('.article-meta').text()).toContain('濟南日報');
    }
  });

  it('refuses undecodable bytes at their line and column and builds nothing', async () => {
    const good = iconv.encode(markdown('国标编码', 3, simplified), 'gb18030');
    const broken = new Uint8Array([...good.subarray(0, 59), 0x81, 0x20, ...good.subarray(59)]);
    site = makeSite({ 'content/broken.md': broken }, siteConfig({ encoding: { 'broken.md': 'gb18030' } }));
    const { result, writer } = await buildInMemory(site.root);
    expect(writer.committed).toBe(false);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['content/broken.md:7:1 decode/invalid-bytes']);
    expect(result.diagnostics[0]?.message).toContain('bytes 0x81 0x20 at byte offset 59 are not valid gb18030');
  });
});
