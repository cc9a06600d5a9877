import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseTrie } from '../../../src/text/phrase-trie.js';
import { convertScript, sharedScriptConverter, useSharedScriptConverter } from '../../../src/text/script.js';
import { projectRoot, sharedDir } from '../../helpers/encoding-corpus.js';

// opencc-js itself, as the reference: PhraseTrie must convert exactly as it does.
const opencc = createRequire(import.meta.url)('opencc-js') as typeof import('opencc-js');
const reference = {
  'zh-Hant': opencc.Converter({ from: 'cn', to: 't' }),
  'zh-Hans': opencc.Converter({ from: 't', to: 'cn' }),
} as const;
const scripts = ['zh-Hant', 'zh-Hans'] as const;

/** Every dictionary string of opencc-js's two presets we use. */
function presetDictionaries(name: 's2t' | 't2s'): string[] {
  const config = opencc.Locale.configs[name] as unknown as { normalizationChain: string[][]; conversionChain: string[][] };
  return [...config.normalizationChain, ...config.conversionChain].flat();
}

/** Real Chinese text: the sample site's articles and the shared corpus's news pages (HTML and all). */
function realTexts(): { name: string; text: string }[] {
  const folders = [path.join(projectRoot, 'content'), path.join(sharedDir, 'corpus/news')];
  return folders.flatMap((folder) =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(md|html?)$/.test(entry.name))
      .map((entry) => ({ name: entry.name, text: readFileSync(path.join(entry.parentPath, entry.name), 'utf8') })),
  );
}

describe('PhraseTrie against opencc-js', () => {
  const texts = realTexts();

  it('has real text to compare on', () => {
    expect(texts.filter((t) => t.name.endsWith('.html')).length).toBeGreaterThanOrEqual(8);
    expect(texts.filter((t) => t.name.endsWith('.md')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(scripts)('converts real news pages and articles to %s exactly as opencc-js does', (script) => {
    let changed = 0;
    for (const { name, text: original } of texts) {
      // The pages are Simplified: converted back, they are given in Traditional.
      const text = script === 'zh-Hans' ? reference['zh-Hant'](original) : original;
      const ours = convertScript(text, script);
      expect(ours, name).toBe(reference[script](text));
      if (ours !== text) changed++;
    }
    expect(changed).toBeGreaterThan(texts.length / 2);
  });

  it.each([
    ['zh-Hant', 's2t'],
    ['zh-Hans', 't2s'],
  ] as const)('converts every key of the %s dictionaries, run together and apart, as opencc-js does', (script, preset) => {
    const keys = presetDictionaries(preset).flatMap((dictionary) => dictionary.split('|').map((line) => line.split(' ')[0] ?? ''));
    expect(keys.length).toBeGreaterThan(preset === 's2t' ? 40_000 : 3_000);
    for (const separator of ['', '|', '，']) {
      const text = keys.join(separator);
      expect(convertScript(text, script) === reference[script](text), `keys joined by "${separator}"`).toBe(true);
    }
  });

  it.each(scripts)('converts random mixes of phrase pieces, description sequences, astral and lone surrogates to %s as opencc-js does', (script) => {
    const pieces = ['发', '發', '头发', '頭髮', '理发', '干', '乾', '幹', '后', '後', '皇后', '里', '裡', '裏', '面', '系', '係', '系统', '台', '臺', '颱',
      '⿰', '⿱', '⿲', '⿰氵', '\u{20000}', '\u{2A6D6}', '𠮷', '\ud800', '\udc00', 'a', ' ', '\n', '<p>', '豈', '更', '车'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(convertScript(text, script)).toBe(reference[script](text));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('PhraseTrie', () => {
  it('takes the longest key at each position, and the first dictionary for a key two dictionaries hold', () => {
    const trie = PhraseTrie.fromDictionaries(['ab X|abc Y', 'a 1|b 2|c 3|ab Z|d 4|d 5']);
    expect(trie.convert('abcd')).toBe('Y5');
    expect(trie.convert('abd')).toBe('X5');
    expect(trie.convert('acb')).toBe('132');
  });

  it('returns the very string it was given when no key matches', () => {
    const trie = PhraseTrie.fromDictionaries(['甲 乙']);
    const text = 'nothing to convert 丙丁';
    expect(trie.convert(text)).toBe(text);
    expect(trie.convert('')).toBe('');
  });

  it('keeps an ideographic description sequence whole, as opencc-js does', () => {
    const trie = PhraseTrie.fromDictionaries(['氵 水|发 發']);
    expect(trie.convert('⿰氵发发')).toBe('⿰氵发發');
    // A sequence cut short by the end of the text is not one: its parts are converted.
    expect(trie.convert('⿰氵')).toBe('⿰水');
  });

  it('refuses a dictionary entry without a replacement', () => {
    expect(() => PhraseTrie.fromDictionaries(['甲 乙|丙'])).toThrow(/without a replacement: "丙"/);
  });

  it('holds its arrays in shared memory, and a trie over them converts the same', () => {
    const trie = PhraseTrie.fromDictionaries(presetDictionaries('s2t').slice(1));
    const data = trie.data;
    for (const array of Object.values(data)) expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
    const text = '头发理发后，皇后在里面的系统里发现了台风。';
    expect(PhraseTrie.fromData(data).convert(text)).toBe(trie.convert(text));
    expect(trie.convert(text)).toBe('頭髮理髮後，皇后在裏面的系統裏發現了颱風。');
  });
});

describe('a shared script converter', () => {
  it('converts in a thread given it as the thread that built it does, without that thread loading opencc-js', async () => {
    const shared = sharedScriptConverter('zh-Hant');
    expect(shared.tries.length).toBe(2);
    // A thread of the compiled build, as the render and mirror threads are.
    const script = pathToFileURL(path.join(projectRoot, 'lib/text/script.js')).href;
    const thread = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
      import(${JSON.stringify(script)}).then(({ convertScript, useSharedScriptConverter }) => {
        if (workerData.shared) useSharedScriptConverter(workerData.shared);
        const converted = convertScript('头发理发后，皇后在里面的系统里发现了台风。', 'zh-Hant');
        parentPort.postMessage({ converted, loaded: Object.keys(require.cache).some((file) => file.includes('opencc-js')) });
      });`,
      { eval: true, workerData: { shared } },
    );
    const answer = await new Promise((resolve, reject) => thread.once('message', resolve).once('error', reject));
    await thread.terminate();
    expect(answer).toEqual({ converted: convertScript('头发理发后，皇后在里面的系统里发现了台风。', 'zh-Hant'), loaded: false });
    expect(convertScript('头发理发后', 'zh-Hant')).toBe('頭髮理髮後');
  });
});
