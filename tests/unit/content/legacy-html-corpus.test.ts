import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLegacyHtml } from '../../../src/content/legacy-html.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const newsDir = path.join(path.resolve(projectRoot, '../shared'), 'corpus/news');
const haveCorpus = existsSync(newsDir);
if (!haveCorpus) console.warn(`legacy-html corpus test skipped: ${newsDir} is absent (the shared corpus sits beside the project)`);

// Read by hand from each page (not produced by running the parser). Where this differs from
// ../shared/corpus/MANIFEST.md, the page says otherwise:
// - 163__8: the editor is `李曦_NN2587` (the manifest cut the last digit).
// - cjn__1, thepaper__2, people__1: the page shows the time too (`2019年06月15日08:18`).
// - hexun__1: the page names 证券时报网 beside the date, but without a `来源` label: not taken as source.
// - people__1: `(责编：汤诗瑶、丁涛)` under the text is the editor credit.
// - thepaper__2: the heading on the page itself ends in `...`; `编辑|禤志杰` is the credit at the end.
// - other__1: no heading element and no visible publication date; the title comes from <title> (it has an
//   ideographic space, `2007　年末`), the date is the adoption date under the heading (2007年6月29日);
//   the hidden `firstpublishedtime` meta says 2007-08-20, the gazette's issue date.
const pages: readonly [file: string, title: string, date: string, source: string | undefined, editor: string | undefined][] = [
  ['gne__163__8.html', '国务院联防联控机制:湖北和武汉要严格管控防输出', '2020-02-29 18:34:31', '新华社', '李曦_NN2587'],
  ['gne__cjddsb__1.html', '常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动', '2019-09-23 14:34:05', '当代商报', undefined],
  ['gne__cjn__1.html', '外媒眼中的武汉长假：蓬勃发展，欢声笑语', '2020-10-04 20:30', '长江网', '姚昊'],
  ['gne__cmse__1.html', '天宫一号与神舟九号载人交会对接任务第二场新闻发布会', '2012-06-24', undefined, '系统管理员'],
  ['gne__hexun__1.html', '交通运输部：着力打造京津冀区域综合立体交通网络', '2019-09-26 10:56:28', undefined, 'HN666'],
  ['gne__other__1.html', '全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007 年末国债余额限额的决议', '2007-06-29', undefined, undefined],
  ['gne__people__1.html', '女儿出嫁，郑板桥画了几笔兰花当嫁妆', '2019-06-15 08:18', '人民网-文化频道', '汤诗瑶、丁涛'],
  ['gne__thepaper__2.html', '定了！广州南沙邮轮母港即将开通！地铁直达+无敌免...', '2019-08-13 14:07', '澎湃新闻·澎湃号·政务', '禤志杰'],
];

// A phrase from the article text that must be in the body, and page furniture that must not.
const bodyChecks: Readonly<Record<string, readonly [kept: string, dropped: string]>> = {
  'gne__163__8.html': ['各地区要根据当前疫情防控形势和要求', '延伸阅读'],
  'gne__cjn__1.html': ['参考消息', '网站地图'],
  'gne__people__1.html': ['东方朔为人洒脱不羁', '新疆阿勒泰：百万牲畜大转场'],
  'gne__other__1.html': ['批准发行15500亿元特别国债购买外汇', '扫一扫在手机打开当前页'],
};

describe.skipIf(!haveCorpus)('parseLegacyHtml on real news pages (../shared/corpus/news)', () => {
  it.each(pages)('%s', (file, title, date, source, editor) => {
    const html = readFileSync(path.join(newsDir, file), 'utf8');
    const parsed = parseLegacyHtml(html, { path: `content/old/${file}` });
    expect(parsed.data['title']).toBe(title);
    expect(parsed.data['date']).toBe(date);
    expect(parsed.data['source']).toBe(source);
    expect(parsed.data['editor']).toBe(editor);
    const check = bodyChecks[file];
    if (check) {
      expect(parsed.body).toContain(check[0]);
      expect(parsed.body).not.toContain(check[1]);
    }
    expect(parsed.body).not.toMatch(/<script|function\s*\(|分享到|\[【2】\]/);
  });
});
