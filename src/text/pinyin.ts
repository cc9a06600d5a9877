import { lazyPackage } from '../lazy-package.js';

type PinyinModule = typeof import('pinyin-pro');

// Loaded on first use only: pinyin-pro's dictionary takes ~0.18 s to load in every thread, and most
// articles have no parenthesised syllable after a Han character and need no slug from a title.
const pinyinPro = lazyPackage<PinyinModule>('pinyin-pro');

const readings = new Map<string, ReadonlySet<string>>();

/** True when `syllable` (tone-marked, or toneless for a neutral tone) is a reading of the Han character `char`. */
export function isReadingOf(char: string, syllable: string): boolean {
  let known = readings.get(char);
  if (known === undefined) {
    const list = pinyinPro().pinyin(char, { multiple: true, type: 'array' });
    known = new Set(list.map((s) => s.normalize('NFC')));
    readings.set(char, known);
  }
  return known.has(syllable.normalize('NFC').toLowerCase());
}

/** Toneless syllables of `text` (Latin runs kept whole, ü as v), for ASCII slugs. */
export function tonelessSyllables(text: string): string[] {
  return pinyinPro().pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
}
