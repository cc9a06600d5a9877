import { lazyPackage } from '../lazy-package.js';
import { PhraseTrie, type PhraseTrieData } from './phrase-trie.js';
import { simplifiedOnlyGaps, traditionalOnlyGaps } from './script-data.js';

/** A target Chinese script. */
export type ChineseScript = 'zh-Hans' | 'zh-Hant';

/** Which script a single Han character belongs to only, if any. */
export type CharScript = 'simplified' | 'traditional' | 'both';

type OpenCCModule = typeof import('opencc-js');

/** An OpenCC conversion as opencc-js's presets describe it: normalizing dictionary groups, then converting ones. */
interface OpenCCConfig {
  readonly normalizationChain?: readonly (readonly string[])[];
  readonly segmentation?: unknown;
  readonly conversionChain: readonly (readonly string[])[];
}

// OpenCC's dictionaries come from opencc-js, loaded on the first conversion only: a site that keeps
// its script never converts (the mixed-script check reads script-data.ts). They are searched with our
// own PhraseTrie, a few megabytes of shared memory instead of opencc-js's ~50 MB in every thread.
const opencc = lazyPackage<OpenCCModule>('opencc-js');
const converters = new Map<ChineseScript, readonly PhraseTrie[]>();

/** The tries that convert into `to`, applied in turn: built on first use, unless a thread was given them. */
function convertersInto(to: ChineseScript): readonly PhraseTrie[] {
  let tries = converters.get(to);
  if (tries === undefined) converters.set(to, (tries = presetTries(to === 'zh-Hans' ? 't2s' : 's2t')));
  return tries;
}

/** opencc-js's preset conversion by name (`t2s`: Traditional to Simplified, `s2t` back), one trie per dictionary group. */
function presetTries(name: 't2s' | 's2t'): readonly PhraseTrie[] {
  const config = opencc().Locale.configs[name] as OpenCCConfig | undefined;
  if (config === undefined || config.segmentation !== undefined) throw new Error(`opencc-js has no plain ${name} preset`);
  return [...(config.normalizationChain ?? []), ...config.conversionChain].map((group) => PhraseTrie.fromDictionaries(group));
}

/** A converter into one script, in shared memory: what a worker thread is given so that it need not build its own. */
export interface SharedScriptConverter {
  readonly script: ChineseScript;
  readonly tries: readonly PhraseTrieData[];
}

/** This thread's converter into `to` (built now if it has none), to hand to worker threads. */
export function sharedScriptConverter(to: ChineseScript): SharedScriptConverter {
  return { script: to, tries: convertersInto(to).map((trie) => trie.data) };
}

/** Convert with a converter another thread built and shared. */
export function useSharedScriptConverter(shared: SharedScriptConverter): void {
  converters.set(shared.script, shared.tries.map((data) => PhraseTrie.fromData(data)));
}

/** Convert Chinese text to Simplified or Traditional script with OpenCC's phrase dictionaries. */
export function convertScript(text: string, to: ChineseScript): string {
  return text === '' ? text : convertersInto(to).reduce((converted, trie) => trie.convert(converted), text);
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
