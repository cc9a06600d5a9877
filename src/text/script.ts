import * as OpenCC from 'opencc-js';

/** A target Chinese script. */
export type ChineseScript = 'zh-Hans' | 'zh-Hant';

/** Which script a single Han character belongs to only, if any. */
export type CharScript = 'simplified' | 'traditional' | 'both';

let toHans: ((text: string) => string) | undefined;
let toHant: ((text: string) => string) | undefined;
const scriptNames: readonly CharScript[] = ['simplified', 'traditional', 'both'];
// 0 = not yet asked, else 1 + index in scriptNames; a typed array because the check asks once per character.
const bmpScripts = new Uint8Array(0x10000);
const astralScripts = new Map<number, CharScript>();

function converter(to: ChineseScript): (text: string) => string {
  // Built lazily: the dictionaries take a while to load and most sites keep one script.
  if (to === 'zh-Hans') return (toHans ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return (toHant ??= OpenCC.Converter({ from: 'cn', to: 't' }));
}

/** Convert Chinese text to Simplified or Traditional script with OpenCC's phrase dictionaries. */
export function convertScript(text: string, to: ChineseScript): string {
  return text === '' ? text : converter(to)(text);
}

/** Classify one Han character: Simplified-only, Traditional-only, or shared by both scripts. */
export function charScript(char: string): CharScript {
  return codePointScript(char.codePointAt(0) ?? 0);
}

/** `charScript` by code point: the hot mixed-script check asks once per character, so no string is made. */
export function codePointScript(codePoint: number): CharScript {
  if (codePoint < 0x10000) {
    const code = bmpScripts[codePoint] ?? 0;
    if (code !== 0) return scriptNames[code - 1] ?? 'both';
    const known = classify(codePoint);
    bmpScripts[codePoint] = scriptNames.indexOf(known) + 1;
    return known;
  }
  let known = astralScripts.get(codePoint);
  if (known === undefined) astralScripts.set(codePoint, (known = classify(codePoint)));
  return known;
}

function classify(codePoint: number): CharScript {
  const char = String.fromCodePoint(codePoint);
  const traditionalOnly = converter('zh-Hans')(char) !== char;
  const simplifiedOnly = converter('zh-Hant')(char) !== char;
  return traditionalOnly && !simplifiedOnly ? 'traditional' : simplifiedOnly && !traditionalOnly ? 'simplified' : 'both';
}
