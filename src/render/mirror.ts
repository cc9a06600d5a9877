import type { SiteConfig } from '../config/schema.js';
import { urlToHref } from '../site/urls.js';
// From their own modules, not the repair stage's index: a build without a mirror never loads the repair rules and checks.
import { convertHtmlText } from '../text/html-text.js';
import { convertScript, type ChineseScript } from '../text/script.js';
import type { Page } from './page.js';

/** The copy of the site in the other Chinese script: its script, path prefix and the original's language. */
export interface MirrorSettings {
  readonly script: ChineseScript;
  /** `/zh-hant/`: one segment between slashes. */
  readonly prefix: string;
  /** The original pages' `lang`, e.g. `zh-CN`. */
  readonly language: string;
  /** Without a trailing slash, for canonical links. */
  readonly baseUrl: string;
}

/** A link to the same page in the other script, as templates print it. */
export interface ScriptSwitchView {
  readonly url: string;
  readonly lang: string;
  readonly label: string;
}

/** The `hreflang` alternates and the 简/繁 link of one page. */
export interface MirrorLinks {
  readonly alternates: readonly { readonly lang: string; readonly href: string }[];
  readonly scriptSwitch: ScriptSwitchView;
}

const labels: Readonly<Record<ChineseScript, string>> = { 'zh-Hans': '简体', 'zh-Hant': '繁體' };
const traditionalLanguage = /^zh-(?:TW|HK|MO|Hant)\b/i;

/** The mirror a config asks for: off when `mirror: false` or for a non-Chinese site; by default the other script of the site's. */
export function mirrorSettings(config: SiteConfig): MirrorSettings | undefined {
  if (config.mirror === false) return undefined;
  const language = config.language;
  if (config.mirror === undefined && !/^zh\b/i.test(language)) return undefined;
  const siteIsTraditional = config.script === 'zh-Hant' || (config.script === 'keep' && traditionalLanguage.test(language));
  const script: ChineseScript = config.mirror?.script ?? (siteIsTraditional ? 'zh-Hans' : 'zh-Hant');
  const prefix = config.mirror?.prefix ?? `/${script.toLowerCase()}/`;
  return { script, prefix, language, baseUrl: config.baseUrl.replace(/\/+$/, '') };
}

/** The alternates and switch link an original page prints; the mirror step turns them round for its copy. */
export function mirrorLinks(settings: MirrorSettings, url: string): MirrorLinks {
  const mirrorUrl = settings.prefix + url.slice(1);
  return {
    alternates: [
      { lang: settings.language, href: settings.baseUrl + urlToHref(url) },
      { lang: settings.script, href: settings.baseUrl + urlToHref(mirrorUrl) },
    ],
    scriptSwitch: { url: mirrorUrl, lang: settings.script, label: labels[settings.script] },
  };
}

/**
 * The other-script copy of a rendered HTML page, or undefined for anything else (assets, feeds):
 * text converted with OpenCC, `lang` set, internal page links kept inside the mirror.
 */
export function mirrorPage(page: Page, settings: MirrorSettings): Page | undefined {
  if (!page.contentType.startsWith('text/html') || typeof page.contents !== 'string') return undefined;
  let html = convertHtmlText(page.contents, settings.script);
  html = convertAttributes(html, settings.script);
  html = html.replace(/(<html\b[^>]*\blang=")[^"]*"/i, `$1${settings.script}"`);
  html = rewriteLinks(html, settings);
  html = html.replace(scriptSwitchElement, () => scriptSwitchHtml(page.url, settings));
  return { ...page, ...mirrorLocation(page, settings), contents: html };
}

/** Where a page's other-script copy goes: the same URL and output path under the mirror's prefix. */
export function mirrorLocation(page: Pick<Page, 'url' | 'outputPath'>, settings: MirrorSettings): { readonly url: string; readonly outputPath: string } {
  return { url: settings.prefix + page.url.slice(1), outputPath: settings.prefix.slice(1) + page.outputPath };
}

const readableAttribute = /(\s(?:aria-label|title|alt|placeholder|content)=")([^"]*\p{Script=Han}[^"]*)"/gu;
const separator = '\u0000';

/** Text readers hear or see in attributes (`aria-label`, `alt`, meta description), converted in one OpenCC call. */
function convertAttributes(html: string, to: ChineseScript): string {
  const values = [...html.matchAll(readableAttribute)].map((m) => m[2] ?? '');
  if (values.length === 0) return html;
  const converted = convertScript(values.join(separator), to).split(separator);
  if (converted.length !== values.length) throw new Error('Internal error: script conversion changed the attribute count');
  let i = 0;
  return html.replace(readableAttribute, (_, start: string) => `${start}${converted[i++] ?? ''}"`);
}

const anchorOrForm = /(<(?:a|form)\b[^>]*?\s(?:href|action)=")(\/[^"]*)"/gi;
const pageLink = /(<link\b[^>]*?\brel="(?:canonical|prev|next)"[^>]*?\shref=")([^"]*)"/gi;

function rewriteLinks(html: string, settings: MirrorSettings): string {
  return html
    .replace(anchorOrForm, (_, start: string, href: string) => `${start}${swapHref(href, settings)}"`)
    .replace(pageLink, (_, start: string, href: string) => {
      const local = href.startsWith(settings.baseUrl + '/') ? href.slice(settings.baseUrl.length) : href;
      if (!local.startsWith('/')) return `${start}${href}"`;
      return `${start}${href === local ? '' : settings.baseUrl}${swapHref(local, settings)}"`;
    });
}

/** A root-relative href in the mirror: pages move under the prefix, links to the original's counterpart leave it, files stay shared. */
export function swapHref(href: string, settings: MirrorSettings): string {
  if (href.startsWith('//')) return href;
  if (href.startsWith(settings.prefix)) return '/' + href.slice(settings.prefix.length);
  const path = href.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (last.includes('.') && !last.endsWith('.html')) return href;
  return settings.prefix + href.slice(1);
}

const scriptSwitchElement = /<a\b[^>]*\bdata-script-switch\b[^>]*>[^<]*<\/a>/;

function scriptSwitchHtml(originalUrl: string, settings: MirrorSettings): string {
  const label = labels[settings.script === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans'];
  const lang = settings.language;
  return `<a class="script-switch" href="${urlToHref(originalUrl)}" hreflang="${lang}" lang="${lang}" data-script-switch>${label}</a>`;
}
