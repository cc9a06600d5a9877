import type { SiteConfig } from '../config/schema.js';
import { errorDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Position } from '../diagnostics/position.js';
import { collapse, type ScannedPage } from './page-scan.js';

/** The footer fields every page of a government site must show. */
export type FooterField = 'sponsor' | 'contact' | 'siteCode' | 'icp' | 'publicSecurity';

/** The registry the ICP number must link to. */
export const icpRegistry = 'https://beian.miit.gov.cn/';
/** The registry the public-security number must link to. */
export const publicSecurityRegistry = 'https://beian.mps.gov.cn/';

const provinces = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

interface FieldRule {
  readonly label: string;
  readonly pattern: RegExp;
  readonly example: string;
}

const rules: Readonly<Record<FooterField, FieldRule>> = {
  sponsor: { label: '主办单位', pattern: /\S/, example: '"sponsor": "济南市市中区人民政府办公室"' },
  contact: { label: '联系方式', pattern: /\S/, example: '"contact": "0531-86080000"' },
  siteCode: { label: '网站标识码', pattern: /^[0-9A-Z]{10}$/, example: '"siteCode": "3701030001" (10 digits or capital letters, as issued)' },
  icp: { label: 'ICP备案号', pattern: new RegExp(`^[${provinces}]ICP备\\d{6,10}号(-\\d+)?$`), example: '"icp": "鲁ICP备12345678号" (a "-1" suffix is allowed)' },
  publicSecurity: { label: '公安备案号', pattern: new RegExp(`^[${provinces}]公网安备 ?\\d{14}号$`), example: '"publicSecurity": "鲁公网安备 37010202000001号"' },
};

/** The required footer fields, in the order the inspection lists them. */
export const footerFields: readonly FooterField[] = ['sponsor', 'contact', 'siteCode', 'icp', 'publicSecurity'];

/** Missing or malformed footer fields in the config; `at` locates a key in site.config.json. */
export function checkFooterConfig(config: SiteConfig, configFile: string, at: (path: readonly string[]) => Position): Diagnostic[] {
  return footerFields.flatMap((field) => {
    const value = config.footer[field];
    const rule = rules[field];
    if (value !== undefined && rule.pattern.test(value.normalize('NFKC').trim())) return [];
    const missing = value === undefined || value.trim() === '';
    return [errorDiagnostic({
      file: configFile,
      ...at(missing ? ['footer'] : ['footer', field]),
      code: missing ? 'audit/footer-missing' : 'audit/footer-malformed',
      message: missing
        ? `footer.${field} (${rule.label}) is not set: every page footer must show it`
        : `footer.${field} (${rule.label}) ${JSON.stringify(value)} does not have the form the registry issues`,
      note: `write it like ${rule.example}`,
    })];
  });
}

/** The configured footer fields (well-formed ones only) that this page does not show as required. */
export function missingFooterFields(page: ScannedPage, footer: SiteConfig['footer']): FooterField[] {
  return footerFields.filter((field) => {
    const value = footer[field];
    if (value === undefined || !rules[field].pattern.test(value.normalize('NFKC').trim())) return false;
    return !shows(page, field, collapse(value));
  });
}

function shows(page: ScannedPage, field: FooterField, value: string): boolean {
  const footerLinks = page.links.filter((l) => l.tag === 'a' && l.inFooter);
  if (field === 'icp') return footerLinks.some((l) => l.url.startsWith(icpRegistry) && l.text.includes(value));
  if (field === 'publicSecurity') {
    const code = value.normalize('NFKC').replace(/\D/g, '');
    return footerLinks.some((l) => l.url.startsWith(publicSecurityRegistry) && l.url.includes(code) && l.text.includes(value));
  }
  return page.footerText.includes(value);
}

/** One failure per footer field, naming how many pages lack it and the first few. */
export function footerPageDiagnostics(missing: ReadonlyMap<FooterField, readonly string[]>, counts: ReadonlyMap<FooterField, number>, distDisplay: string): Diagnostic[] {
  return footerFields.flatMap((field) => {
    const pages = missing.get(field) ?? [];
    const first = pages[0];
    if (first === undefined) return [];
    const count = counts.get(field) ?? pages.length;
    const rule = rules[field];
    const how = field === 'icp' ? ` linked to ${icpRegistry}` : field === 'publicSecurity' ? ` linked to ${publicSecurityRegistry} with its record code` : '';
    return [errorDiagnostic({
      file: `${distDisplay}/${first}`,
      code: 'audit/footer-absent',
      message: `${count} page${count === 1 ? '' : 's'} do not show ${rule.label} (footer.${field})${how} in the footer`,
      note: `e.g. ${pages.slice(0, 5).join(', ')}; the footer template must print site.footer`,
    })];
  });
}
