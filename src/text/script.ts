import { lazyPackage } from '../lazy-package.js';
import { simplifiedOnlyGaps, traditionalOnlyGaps } from './script-data.js';

/** A target Chinese script. */
export type ChineseScript = 'zh-Hans' | 'zh-Hant';

/** Which script a single Han character belongs to only, if any. */
export type CharScript = 'simplified' | 'traditional' | 'both';

type OpenCCModule = typeof import('opencc-js');

// Loaded on the first conversion only: building OpenCC's dictionaries costs ~0.15 s per thread,
// and a site that keeps its script never converts (the mixed-script check reads script-data.ts).
const opencc = lazyPackage<OpenCCModule>('opencc-js');
let toHans: ((text: string) => string) | undefined;
let toHant: ((text: string) => string) | undefined;

function converter(to: ChineseScript): (text: string) => string {
  if (to === 'zh-Hans') return (toHans ??= opencc().Converter({ from: 't', to: 'cn' }));
  return (toHant ??= opencc().Converter({ from: 'cn', to: 't' }));
}

/**
 * Let this thread's OpenCC dictionaries go (about 75 MB of memory each): a build that hands the
 * conversion to threads calls it; the next conversion here builds them again.
 */
export function releaseScriptConverters(): void {
  toHans = undefined;
  toHant = undefined;
}

/** Convert Chinese text to Simplified or Traditional script with OpenCC's phrase dictionaries. */
export function convertScript(text: string, to: ChineseScript): string {
  return text === '' ? text : converter(to)(text);
}

/** Classify one Han character: Simplified-only, Traditional-only, or shared by both scripts. */
export function charScript(char: string): CharScript {
  return codePointScript(char.codePointAt(0) ?? 0);
}

const SIMPLIFIED = 1;
const TRADITIONAL = 2;
let bmpScripts: Uint8Array | undefined;
let astralScripts: Map<number, CharScript> | undefined;

/** `charScript` by code point: the hot mixed-script check asks once per character, so no string is made. */
export function codePointScript(codePoint: number): CharScript {
  if (bmpScripts === undefined) [bmpScripts, astralScripts] = decodeTables();
  const code = codePoint < 0x10000 ? bmpScripts[codePoint] : undefined;
  if (code === SIMPLIFIED) return 'simplified';
  if (code === TRADITIONAL) return 'traditional';
  return code === undefined ? (astralScripts?.get(codePoint) ?? 'both') : 'both';
}

/** Whether `text[start, end)` holds Simplified-only and Traditional-only characters; stops once it has seen both. */
export function oneScriptKindsIn(text: string, start = 0, end = text.length): { simplified: boolean; traditional: boolean } {
  if (bmpScripts === undefined) [bmpScripts, astralScripts] = decodeTables();
  let found = 0;
  // Reads the table directly, with no string per character: this runs over every character of every article.
  for (let i = start; i < end && found !== (SIMPLIFIED | TRADITIONAL); i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) {
      found |= bmpScripts[unit] ?? 0;
      continue;
    }
    const codePoint = text.codePointAt(i) ?? 0;
    if (codePoint > 0xffff) i++;
    const kind = codePointScript(codePoint);
    found |= kind === 'simplified' ? SIMPLIFIED : kind === 'traditional' ? TRADITIONAL : 0;
  }
  return { simplified: (found & SIMPLIFIED) !== 0, traditional: (found & TRADITIONAL) !== 0 };
}

function decodeTables(): [Uint8Array, Map<number, CharScript>] {
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, CharScript>();
  const fill = (gaps: string, code: number, name: CharScript): void => {
    let codePoint = 0;
    for (const gap of gaps.split(',')) {
      codePoint += parseInt(gap, 36);
      if (codePoint < 0x10000) bmp[codePoint] = code;
      else astral.set(codePoint, name);
    }
  };
  fill(simplifiedOnlyGaps, SIMPLIFIED, 'simplified');
  fill(traditionalOnlyGaps, TRADITIONAL, 'traditional');
  return [bmp, astral];
}
