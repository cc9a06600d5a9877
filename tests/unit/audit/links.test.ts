import { describe, expect, it } from 'vitest';
import { isAttachment } from '../../../src/audit/attachments.js';
import { pageUrlOf, resolveLink, servedFile } from '../../../src/audit/links.js';
import { scanPage } from '../../../src/audit/page-scan.js';

describe('resolveLink', () => {
  it.each([
    ['/columns/news/', '/2023/12/a/', 'https://news.example.gov.cn', { kind: 'internal', path: 'columns/news/' }],
    ['../b/', '/2023/12/a/', 'https://news.example.gov.cn', { kind: 'internal', path: '2023/12/b/' }],
    ['img/x.png', '/2023/12/a/', 'https://news.example.gov.cn', { kind: 'internal', path: '2023/12/a/img/x.png' }],
    ['/tags/%E7%BB%8F%E6%B5%8E/?p=1#top', '/', 'https://news.example.gov.cn', { kind: 'internal', path: 'tags/经济/' }],
    ['https://news.example.gov.cn/2023/12/a/', '/', 'https://news.example.gov.cn', { kind: 'internal', path: '2023/12/a/' }],
    ['/sub/files/a.pdf', '/sub/', 'https://x.gov.cn/sub/', { kind: 'internal', path: 'files/a.pdf' }],
    ['https://www.gov.cn/', '/', 'https://news.example.gov.cn', { kind: 'external', url: 'https://www.gov.cn/' }],
    ['//www.gov.cn/a', '/', 'https://news.example.gov.cn', { kind: 'external', url: 'https://www.gov.cn/a' }],
    ['#main', '/', 'https://news.example.gov.cn', { kind: 'other' }],
    ['mailto:ban@x.gov.cn', '/', 'https://news.example.gov.cn', { kind: 'other' }],
    ['tel:0531-12345678', '/', 'https://news.example.gov.cn', { kind: 'other' }],
    ['javascript:void(0)', '/', 'https://news.example.gov.cn', { kind: 'other' }],
  ])('%s on %s', (href, pageUrl, baseUrl, target) => {
    expect(resolveLink(href, pageUrl, baseUrl)).toEqual(target);
  });
});

describe('servedFile', () => {
  const dist = new Set(['index.html', 'a/index.html', 'feed.xml', 'files/报告.pdf']);
  it.each([
    ['', 'index.html'],
    ['a/', 'a/index.html'],
    ['a', 'a/index.html'],
    ['feed.xml', 'feed.xml'],
    ['files/报告.pdf', 'files/报告.pdf'],
    ['b/', undefined],
    ['feed.rss', undefined],
  ])('%j -> %j', (sitePath, file) => {
    expect(servedFile(sitePath, dist)).toBe(file);
  });
});

describe('pageUrlOf and isAttachment', () => {
  it.each([['index.html', '/'], ['2023/12/a/index.html', '/2023/12/a/'], ['404.html', '/404.html']])('%s -> %s', (p, url) => {
    expect(pageUrlOf(p)).toBe(url);
  });
  it.each([['files/a.PDF', true], ['files/表格.xlsx', true], ['a/b.docx', true], ['x.zip', true], ['a/', false], ['logo.svg', false], ['.pdf', false]])('%s is an attachment: %s', (p, yes) => {
    expect(isAttachment(p)).toBe(yes);
  });
});

describe('scanPage', () => {
  it('finds every resource reference with its line and column, not preconnect hints', () => {
    const html = '<!DOCTYPE html>\n<head><link rel="stylesheet" href="/a.css"><link rel="preconnect" href="https://cdn.x">\n' +
      '  <script src="/a.js"></script></head>\n<body><img src="/i.png" srcset="/i.png 1x, /i@2x.png 2x"><a href="/b/">乙</a></body>';
    const links = scanPage('index.html', html).links.map((l) => [l.url, l.line, l.column]);
    expect(links).toEqual([['/a.css', 2, 7], ['/a.js', 3, 3], ['/i.png', 4, 7], ['/i.png', 4, 7], ['/i@2x.png', 4, 7], ['/b/', 4, 58]]);
  });
});
