import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, isContentError } from '../../../src/diagnostics/index.js';
import { parseLegacyHtml } from '../../../src/content/legacy-html.js';

const bytes = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../../fixtures/legacy/${name}`, import.meta.url)));
const trsPage = new TextDecoder('gbk').decode(bytes('trs-editor.gbk.html'));
const utf8 = (name: string): string => bytes(name).toString('utf8');

describe('parseLegacyHtml', () => {
  it.each([
    ['trs-editor.gbk.html', trsPage, { title: '市政府召开常务会议', date: '2024-03-05 10:20', source: '市政府办公室', editor: '张三' }],
    ['ucap-content.html', utf8('ucap-content.html'), { title: '关于做好2023年度统计工作的通知', date: '2023-08-20' }],
    ['zoom.html', utf8('zoom.html'), { title: '區政府舉行新聞發布會', date: '2022-01-09', source: '區政府新聞辦', editor: '李四' }],
  ])('%s: metadata from the heading and the labelled block', (name, html, data) => {
    expect(parseLegacyHtml(html, { path: `content/old/${name}` }).data).toEqual(data);
  });

  it('keeps the TRS_Editor body with images and links, and drops navigation, share bar, credits and footer', () => {
    const parsed = parseLegacyHtml(trsPage, { path: 'a.html' });
    expect(parsed.body).toBe(
      [
        '3月5日，市长主持召开市政府常务会议，研究部署春季农业生产工作。',
        '![会议现场](./W020240305.jpg)',
        '会议要求，各地要抓好[春耕备耕](../zcwj/202403/t20240301_1.html)工作，确保粮食面积稳定。',
        '会议还研究了其他事项。',
      ].join('\n\n') + '\n',
    );
    expect(parsed.bodyLine).toBe(13);
    expect(parsed.keyLines['title']).toBe(11);
  });

  it('rewrites image and link addresses to absolute ones against --base-url', () => {
    const parsed = parseLegacyHtml(trsPage, { path: 'a.html', baseUrl: 'https://www.example.gov.cn/zwyw/202403/t20240305_9.html' });
    expect(parsed.body).toContain('![会议现场](https://www.example.gov.cn/zwyw/202403/W020240305.jpg)');
    expect(parsed.body).toContain('[春耕备耕](https://www.example.gov.cn/zwyw/zcwj/202403/t20240301_1.html)');
  });

  it('turns bold one-line paragraphs into subheadings and drops the related-articles list', () => {
    const parsed = parseLegacyHtml(utf8('ucap-content.html'), { path: 'a.html' });
    expect(parsed.sections).toEqual([
      { heading: '一、总体要求', paragraphs: ['各地区、各部门要认真做好统计工作，确保数据真实准确。'] },
      { heading: '二、工作措施', paragraphs: ['加强统计队伍建设。', '完善统计制度。'] },
    ]);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['legacy/missing-source', 'legacy/missing-editor']);
  });

  it('splits <br> runs into paragraphs and escapes Markdown in the text', () => {
    const parsed = parseLegacyHtml(utf8('zoom.html'), { path: 'a.html' });
    expect(parsed.sections).toEqual([
      { paragraphs: ['1月9日，區政府舉行新聞發布會。', '發布會介紹了2021年工作情況。', '\\*重點\\*項目進展順利，詳見\\[附件\\]。'] },
      { heading: '發展目標', paragraphs: ['到2025年，全區生產總值達到500億元。'] },
    ]);
  });

  it('names the file and the field when there is no date', () => {
    const html = '<html><head><title>标题</title></head><body><h1>标题</h1><div id="zoom"><p>没有日期的正文，足够长的一段文字。</p></div></body></html>';
    try {
      parseLegacyHtml(html, { path: 'content/old/b.html' });
      expect.unreachable();
    } catch (error) {
      if (!isContentError(error)) throw error;
      expect(formatDiagnostic(error.diagnostic).split('\n')[0]).toBe('content/old/b.html:1:1: error: no date found [legacy/missing-date]');
    }
  });
});
