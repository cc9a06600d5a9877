import { describe, expect, it } from 'vitest';
import { checkFooterConfig, missingFooterFields } from '../../../src/audit/footer.js';
import { scanPage } from '../../../src/audit/page-scan.js';
import { siteConfigSchema } from '../../../src/config/schema.js';
import { formatDiagnostic } from '../../../src/diagnostics/format.js';

const goodFooter = {
  sponsor: '济南市市中区人民政府办公室',
  contact: '0531-86080000',
  siteCode: '3701030001',
  icp: '鲁ICP备12345678号',
  publicSecurity: '鲁公网安备 37010202000001号',
};
const configWith = (footer: Record<string, string>) => siteConfigSchema.parse({ title: 't', baseUrl: 'https://x.gov.cn', footer });
const at = () => ({ line: 3, column: 5 });

describe('checkFooterConfig', () => {
  it.each([
    ['the issued forms', {}],
    ['an ICP number with a -N suffix', { icp: '京ICP备05070218号-1' }],
    ['a ten-digit ICP number', { icp: '粤ICP备2021012345号' }],
    ['a public-security number without the space', { publicSecurity: '京公网安备11010502030143号' }],
    ['a site code with capital letters', { siteCode: 'BM17000001' }],
  ])('accepts %s', (_, change) => {
    expect(checkFooterConfig(configWith({ ...goodFooter, ...change }), 'site.config.json', at)).toEqual([]);
  });

  it.each([
    ['icp', '鲁ICP12345678', 'footer.icp (ICP备案号) "鲁ICP12345678" does not have the form the registry issues [audit/footer-malformed]', '鲁ICP备12345678号'],
    ['icp', 'ICP备12345678号', 'footer.icp (ICP备案号) "ICP备12345678号" does not have the form', '鲁ICP备12345678号'],
    ['siteCode', '370103000', 'footer.siteCode (网站标识码) "370103000" does not have the form', '10 digits or capital letters'],
    ['siteCode', 'bm17000001', 'footer.siteCode (网站标识码) "bm17000001"', '3701030001'],
    ['publicSecurity', '鲁公网安备 3701020200001号', 'footer.publicSecurity (公安备案号)', '鲁公网安备 37010202000001号'],
  ])('refuses a malformed %s %j, naming the field and an example', (field, value, message, example) => {
    const [d, ...rest] = checkFooterConfig(configWith({ ...goodFooter, [field]: value }), 'site.config.json', at);
    expect(rest).toEqual([]);
    expect(formatDiagnostic(d!)).toContain(`site.config.json:3:5: error: ${message}`);
    expect(d!.note).toContain(example);
  });

  it.each(['sponsor', 'contact', 'siteCode', 'icp', 'publicSecurity'])('fails when %s is missing', (field) => {
    const footer: Record<string, string> = { ...goodFooter };
    delete footer[field];
    const found = checkFooterConfig(configWith(footer), 'site.config.json', at);
    expect(found.map((d) => [d.code, d.message.split(' ')[0]])).toEqual([['audit/footer-missing', `footer.${field}`]]);
  });
});

const footerHtml = (inner: string) => `<html><body><main><p>济南市市中区人民政府办公室</p></main><footer>${inner}</footer></body></html>`;
const fullFooter =
  '<ul><li>主办单位：济南市市中区人民政府办公室</li><li>联系方式：0531-86080000</li><li>网站标识码：3701030001</li>' +
  '<li><a href="https://beian.miit.gov.cn/">鲁ICP备12345678号</a></li>' +
  '<li><a href="https://beian.mps.gov.cn/#/query/webSearch?code=37010202000001">鲁公网安备 37010202000001号</a></li></ul>';

describe('missingFooterFields', () => {
  const footer = configWith(goodFooter).footer;
  it.each([
    ['a full footer', fullFooter, []],
    ['the ICP number as plain text', fullFooter.replace('<a href="https://beian.miit.gov.cn/">鲁ICP备12345678号</a>', '鲁ICP备12345678号'), ['icp']],
    ['the ICP number linked elsewhere', fullFooter.replace('https://beian.miit.gov.cn/', 'https://www.miit.gov.cn/'), ['icp']],
    ['a public-security link without the record code', fullFooter.replace('?code=37010202000001', ''), ['publicSecurity']],
    ['no sponsor in the footer (only in the body)', fullFooter.replace('<li>主办单位：济南市市中区人民政府办公室</li>', ''), ['sponsor']],
    ['an empty footer', '', ['sponsor', 'contact', 'siteCode', 'icp', 'publicSecurity']],
  ])('%s', (_, inner, missing) => {
    expect(missingFooterFields(scanPage('index.html', footerHtml(inner)), footer)).toEqual(missing);
  });

  it('matches text across entity-encoded and wrapped whitespace', () => {
    const html = footerHtml(fullFooter.replace('鲁公网安备 37010202000001号</a>', '鲁公网安备&nbsp;\n 37010202000001号</a>').replace('\u00a0', ' '));
    expect(missingFooterFields(scanPage('index.html', html.replace('&nbsp;', ' ')), footer)).toEqual([]);
  });
});
