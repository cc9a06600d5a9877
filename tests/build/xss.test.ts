import { convertScript } from '../../src/text/repair/index.js';
import { load } from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/build.js';
import type { MemoryWriter } from '../../src/write/memory-writer.js';
import { buildInMemory, makeSite, siteConfig, type TempSite } from '../helpers/site.js';

/** Payloads an attacker (or a careless copy-paste) puts into article fields. */
const payloads = [
  '<script>alert("t")</script>',
  '</script><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'><img src=x onerror=alert(1)>",
  'javascript:alert(1)',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '{{ 7 * 7 }} {% raw %}{% include "base.njk" %}',
  '<!-- </title><style>*{}</style> -->',
  '& < > ]]> <![CDATA[ &copy',
];

/** Tags become URL segments, where `/` is refused with an error; everything else must survive. */
const tagOf = (payload: string): string => payload.replaceAll('/', '');

/** Front matter written with JSON strings, which YAML reads back exactly. */
function hostileArticle(i: number, payload: string): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    `title: ${q(`标题${i} ${payload}`)}`, 'date: 2024-01-05', 'column: news', `slug: hostile-${i}`,
    `source: ${q(payload)}`, `editor: ${q(payload)}`, `author: ${q(payload)}`, `summary: ${q(payload)}`,
    `tags: [${q(`标签${i}`)}, ${q(tagOf(payload))}]`, `cover: ${q(payload)}`,
  ];
  return ['---', ...lines, '---', '', `正文 ${payload}`, '', `[链接](javascript:alert(${i})) {{ page }} {% if true %}执行了{% endif %}`, ''].join('\n');
}

let site: TempSite;
let built: { result: BuildResult; writer: MemoryWriter };

beforeAll(async () => {
  const files = Object.fromEntries(payloads.map((p, i) => [`content/news/hostile-${i}.md`, hostileArticle(i, p)]));
  site = makeSite(files, siteConfig({ title: '站点 <script>alert(0)</script>', description: '"><svg onload=alert(1)>' }));
  built = await buildInMemory(site.root);
});
afterAll(() => site.dispose());

function htmlPages(): [string, string][] {
  return [...built.writer.pages.values()]
    .filter((p) => p.outputPath.endsWith('.html'))
    .map((p) => [p.outputPath, typeof p.contents === 'string' ? p.contents : Buffer.from(p.contents).toString('utf8')]);
}

describe('hostile front matter and body', () => {
  it('builds (the payloads are text, not errors)', () => {
    expect(built.result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.message} [${d.code}]`)).toEqual([]);
    expect(built.result.ok).toBe(true);
  });

  it('no page gains a script, an event handler or a script URL', () => {
    expect(htmlPages().length).toBeGreaterThan(payloads.length);
    for (const [outputPath, html] of htmlPages()) {
      const $ = load(html);
      const scripts = $('script').toArray().map((s) => $(s).attr('src') ?? $(s).attr('type'));
      const allowed = ['/assets/site.js', 'application/ld+json', ...(outputPath.endsWith('search/index.html') ? ['/assets/search.js'] : [])];
      expect(scripts.every((s) => s !== undefined && allowed.includes(s)), `${outputPath} ${scripts.join(' ')}`).toBe(true);
      expect($('svg, iframe, object, embed, style').length, outputPath).toBe(0);
      $('*').each((_, el) => {
        for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) expect(name.startsWith('on'), `${outputPath} ${name}`).toBe(false);
      });
      $('[href], [src]').each((_, el) => {
        const url = ($(el).attr('href') ?? $(el).attr('src') ?? '').trim().toLowerCase();
        expect(/^(javascript|vbscript|data):/.test(url), `${outputPath} ${url}`).toBe(false);
      });
    }
  });

  it.each(payloads.map((p, i) => [i, p] as const))('payload %i prints literally in the title, fields, tags and body', (i, payload) => {
    const $ = load(built.writer.text(`2024/01/hostile-${i}/index.html`));
    expect($('h1.article-title').text()).toBe(`标题${i} ${payload}`);
    expect($('.article-meta__source').text()).toBe(`信息来源：${payload}`);
    expect($('.article-editor').text()).toBe(`责任编辑：${payload}`);
    expect($('.article-tags a').last().text()).toBe(tagOf(payload));
    expect($('.article-body, article').text()).toContain(`正文 ${payload}`);
    expect($('article').text()).toContain('{{ page }} {% if true %}执行了{% endif %}');
  });

  it.each(payloads.map((p, i) => [i, p] as const))('payload %i stays inside its JSON-LD string', (i, payload) => {
    const html = built.writer.text(`2024/01/hostile-${i}/index.html`);
    const $ = load(html);
    const blocks = $('script[type="application/ld+json"]');
    expect(blocks.length).toBe(1);
    const data = JSON.parse(blocks.text()) as Record<string, unknown>;
    expect(data.headline).toBe(`标题${i} ${payload}`);
    expect(data.description).toBe(payload);
    expect(blocks.text()).not.toMatch(/<\/script|<!--/i);
  });

  it('the site title and the description (the summary on article pages) are escaped in every page head', () => {
    for (const [outputPath, html] of htmlPages()) {
      const $ = load(html);
      // The Traditional mirror shows the same text in the other script, still as text.
      const inScript = (text: string) => (outputPath.startsWith('zh-hant/') ? convertScript(text, 'zh-Hant') : text);
      const articleIndex = /^(?:zh-hant\/)?2024\/01\/hostile-(\d+)\//.exec(outputPath)?.[1];
      expect($('title').text(), outputPath).toContain(inScript('站点 <script>alert(0)</script>'));
      const description = articleIndex === undefined ? '"><svg onload=alert(1)>' : (payloads[Number(articleIndex)] ?? '');
      expect($('meta[name="description"]').attr('content'), outputPath).toBe(inScript(description));
    }
  });

  it('every page carries a CSP that allows only same-origin scripts and styles', () => {
    for (const [outputPath, html] of htmlPages()) {
      const csp = load(html)('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
      expect(directives.get('script-src'), outputPath).toBe("'self'");
      expect(directives.get('style-src'), outputPath).toBe("'self'");
      expect(directives.get('default-src'), outputPath).toBe("'self'");
    }
  });

  it('XML outputs (feeds, sitemaps) are well-formed and carry the payloads only as text', () => {
    const xml = [...built.writer.pages.values()].filter((p) => p.outputPath.endsWith('.xml'));
    expect(xml.map((p) => p.outputPath)).toContain('feed.xml');
    for (const p of xml) {
      const text = typeof p.contents === 'string' ? p.contents : Buffer.from(p.contents).toString('utf8');
      expect(XMLValidator.validate(text), p.outputPath).toBe(true);
      expect(() => new XMLParser().parse(text)).not.toThrow();
      expect(text).not.toMatch(/<script|<svg/i);
    }
    const feed = load(built.writer.text('feed.xml'), { xml: true });
    const titles = feed('item > title, entry > title').toArray().map((el) => feed(el).text());
    for (const [i, payload] of payloads.entries()) expect(titles).toContain(`标题${i} ${payload}`);
  });
});

describe('raw HTML in Markdown, through a whole build', () => {
  const body = [
    '<p onclick="steal()">手写段落<script>alert(1)</script></p>',
    '',
    '<a href="javascript:alert(1)">脚本链接</a> <a href="vbscript:x">VB</a> <a href="https://www.gov.cn/">政府网</a>',
    '',
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="图"> <img src="x.png" onerror="alert(1)">',
    '',
    '<iframe src="https://evil.example/"></iframe>',
  ].join('\n');

  it.each([
    [false, (html: string) => expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')],
    [true, (html: string) => expect(html).toContain('<a href="https://www.gov.cn/">政府网</a>')],
  ])('markdown.html %s: no script, handler, frame or script link reaches the page', async (html, extra) => {
    const hostile = makeSite({ 'content/news/raw.md': ['---', 'title: 手写HTML', 'date: 2024-01-05', 'column: news', '---', '', body, ''].join('\n') }, siteConfig({ markdown: { html } }));
    try {
      const { result, writer } = await buildInMemory(hostile.root);
      expect(result.ok).toBe(true);
      const $ = load(writer.text('2024/01/raw/index.html'));
      const article = $('article').html() ?? '';
      expect($('article script, article iframe').length).toBe(0);
      $('article *').each((_, el) => {
        for (const [name, value] of Object.entries((el as { attribs?: Record<string, string> }).attribs ?? {})) {
          expect(name.startsWith('on'), name).toBe(false);
          expect(value, name).not.toMatch(/^\s*(javascript|vbscript):/i);
        }
      });
      extra(article);
      if (html) {
        expect($('article p:contains("手写段落")').length).toBe(1);
        expect($('article img[alt="图"]').attr('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
        expect($('article a:contains("脚本链接")').attr('href')).toBeUndefined();
      }
    } finally {
      hostile.dispose();
    }
  });
});
