import * as OpenCC from 'opencc-js';

/** A target Chinese script. */
export type ChineseScript = 'zh-Hans' | 'zh-Hant';

/** Which script a single Han character belongs to only, if any. */
export type CharScript = 'simplified' | 'traditional' | 'both';

let toHans: ((text: string) => string) | undefined;
let toHant: ((text: string) => string) | undefined;
const charScripts = new Map<string, CharScript>();

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
  let known = charScripts.get(char);
  if (known === undefined) {
    const traditionalOnly = converter('zh-Hans')(char) !== char;
    const simplifiedOnly = converter('zh-Hant')(char) !== char;
    known = traditionalOnly && !simplifiedOnly ? 'traditional' : simplifiedOnly && !traditionalOnly ? 'simplified' : 'both';
    charScripts.set(char, known);
  }
  return known;
}
