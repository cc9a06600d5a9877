import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { siteConfigSchema } from '../../../src/config/schema.js';
import { legacyNoticeBytes } from '../../fixtures/sample/make-legacy.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const contentDir = path.join(projectRoot, 'content');
const seedArticle = 'content/2023/12/shizhong-theme-education.md';
const legacyNotice = 'content/notices/legacy/gas-safety-inspection-notice.txt';

const config = siteConfigSchema.parse(JSON.parse(readFileSync(path.join(projectRoot, 'site.config.json'), 'utf8')));
const columnKeys = config.columns.map((c) => c.key);

/** Every Markdown source under content/, as a project-relative path with forward slashes. */
function markdownSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownSources(full);
    return entry.name.endsWith('.md') ? [path.relative(projectRoot, full).split(path.sep).join('/')] : [];
  });
}

function readArticle(relative: string): matter.GrayMatterFile<string> {
  // gray-matter caches by content; a fresh copy keeps one test from seeing another's parse.
  return matter(readFileSync(path.join(projectRoot, relative), 'utf8'), {});
}

/** The first ASCII `,` `:` or `(` that directly follows a Han character, with its neighbour. */
function asciiPunctuationAfterHan(text: string): string | undefined {
  return /\p{Script=Han}[,:(]/u.exec(text)?.[0];
}

const articles = markdownSources(contentDir);

describe('site.config.json', () => {
  it('is valid against the config schema, with the three sample columns', () => {
    expect(columnKeys).toEqual(['news', 'notices', 'policy']);
    expect(config.columns.map((c) => c.kind)).toEqual(['news', 'notice', 'policy']);
    expect(config).toMatchObject({ baseUrl: 'https://news.example.gov.cn', pageSize: 10, script: 'zh-Hans' });
  });

  it('has more articles than one index page holds, so the sample index paginates', () => {
    expect(articles.length).toBeGreaterThan(config.pageSize);
  });

  it('points the publisher logo at a file in public/', () => {
    const logo = config.publisher.logo ?? '';
    expect(logo).toMatch(/^\//);
    expect(existsSync(path.join(projectRoot, 'public', logo))).toBe(true);
  });
});

describe.each(articles)('%s', (relative) => {
  const { data, content } = readArticle(relative);

  it('has a title, a date and a declared column', () => {
    expect(typeof data['title']).toBe('string');
    expect(String(data['title']).trim()).not.toBe('');
    // js-yaml turns an unquoted `2023-12-20` into a Date; `2023-12-18 09:30` stays a string.
    const date: unknown = data['date'];
    expect(date instanceof Date || typeof date === 'string').toBe(true);
    expect(Number.isNaN(new Date(date instanceof Date ? date : String(date).replace(' ', 'T')).getTime())).toBe(false);
    expect(columnKeys).toContain(data['column']);
  });

  it('lives at content/YYYY/MM/<ascii-slug>.md matching its date', () => {
    const date: unknown = data['date'];
    const day = date instanceof Date ? date.toISOString().slice(0, 10) : String(date).slice(0, 10);
    expect(relative).toMatch(new RegExp(`^content/${day.slice(0, 4)}/${day.slice(5, 7)}/[a-z0-9-]+\\.md$`));
  });

  it('uses full-width punctuation after Chinese text in title and body', () => {
    expect(asciiPunctuationAfterHan(String(data['title']))).toBeUndefined();
    expect(asciiPunctuationAfterHan(content)).toBeUndefined();
  });
});

describe('the hand-cleaned seed article', () => {
  const { data, content } = readArticle(seedArticle);

  it('keeps the metadata of the 济南日报 story', () => {
    expect(data).toMatchObject({
      title: '市中区以更实更细举措扎实开展主题教育',
      source: '济南日报',
      editor: '时金',
      column: 'news',
      tags: ['主题教育'],
    });
    expect(data['date']).toEqual(new Date('2023-12-20T00:00:00Z'));
  });

  it('has exactly the three section headings of the original', () => {
    expect(content.match(/^## .*$/gm)).toEqual([
      '## 书上学 强化理论学习筑牢思想根基',
      '## 一线看 深入调查研究出实招办实事',
      '## 事上见 突出治标治本检视整改落实落细',
    ]);
  });

  it('restores the lossy spot and drops every pinyin annotation and page furniture', () => {
    expect(content).toContain('使理论学习真正向实践运用转化');
    expect(content).not.toMatch(/\([A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/);
    expect(content).not.toMatch(/友情链接|编辑：|\?/);
  });

  it('is in Simplified script', () => {
    expect(content).not.toMatch(/[區實細舉開動學習會黨書]/);
  });
});

const sharedDir = path.resolve(projectRoot, '../shared');
const hasShared = existsSync(sharedDir);
if (!hasShared) console.warn(`sample-content: ${sharedDir} is absent; skipping the comparison with the seed`);

describe.skipIf(!hasShared)('the seed article against ../shared/seeds', () => {
  it('keeps every paragraph of the damaged original, in order', () => {
    const seed = readFileSync(path.join(sharedDir, 'seeds/000_862fb1d576b5b9c2.txt'), 'utf8');
    // Each body paragraph of the original starts with its two-space indent; compare on numbers,
    // which neither the script conversion nor the pinyin damage touched.
    const seedNumbers = seed
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.match(/\d+(?:\.\d+)?/g)?.join(' ') ?? '');
    const ours = readArticle(seedArticle)
      .content.split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.match(/\d+(?:\.\d+)?/g)?.join(' ') ?? '');
    expect(ours).toEqual(seedNumbers);
  });
});

describe('the legacy notice', () => {
  const bytes = readFileSync(path.join(projectRoot, legacyNotice));

  it('is exactly what tests/fixtures/sample/make-legacy.mjs writes', () => {
    expect(Buffer.compare(bytes, Buffer.from(legacyNoticeBytes()))).toBe(0);
  });

  it('is stored as GB18030 bytes, not UTF-8', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('decodes to the seed layout: title, 发布日期, 信息来源, body, 编辑', () => {
    const lines = iconv.decode(bytes, 'gb18030').split('\r\n');
    expect(lines.slice(2, 7)).toEqual([
      '关于开展冬季居民燃气安全入户检查的通知',
      '',
      '发布日期：2023-12-12',
      '',
      '信息来源：市中区住房和城乡建设局',
    ]);
    expect(lines).toContain('编辑：王晓');
    expect(lines.filter((line) => line.startsWith('\u3000\u3000')).length).toBeGreaterThanOrEqual(5);
  });
});
