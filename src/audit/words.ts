import { errorDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { positionIndex } from '../text/position-index.js';

/** A commonly mistaken word with its correction, or a forbidden expression (no correction). */
export interface WordEntry {
  readonly wrong: string;
  readonly right?: string;
}

/** A parsed word list, with compiled matching. */
export interface WordList {
  readonly entries: readonly WordEntry[];
  /** Site-relative path of the list, for notes. */
  readonly file: string;
}

/** The word list a site gets without configuring one, when the file exists. */
export const defaultWordListPath = 'audit/words.txt';

/**
 * Parse a word list: one entry a line, `截止目前→截至目前` (or `->`) for a word and its
 * correction, a word alone for a forbidden expression; `#` starts a comment line.
 */
export function parseWordList(text: string, file: string): { list: WordList; diagnostics: Diagnostic[] } {
  const entries: WordEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parts = line.split(/→|->/).map((p) => p.trim());
    const [wrong, right] = parts;
    if (parts.length > 2 || wrong === undefined || wrong === '' || right === '' || right === wrong) {
      diagnostics.push(errorDiagnostic({
        file, line: i + 1, column: 1, code: 'audit/word-list',
        message: `cannot read this entry: ${JSON.stringify(line)}`,
        note: 'write "wrong→right" (e.g. 截止目前→截至目前) or a forbidden expression alone on its line',
      }));
      return;
    }
    entries.push(right === undefined ? { wrong } : { wrong, right });
  });
  return { list: { entries, file }, diagnostics };
}

const compiled = new WeakMap<WordList, { pattern: RegExp; byWord: Map<string, WordEntry> }>();

function matcher(list: WordList): { pattern: RegExp; byWord: Map<string, WordEntry> } {
  let m = compiled.get(list);
  if (m === undefined) {
    // Longest first, so an entry that contains another wins where both match.
    const words = [...new Set(list.entries.map((e) => e.wrong))].sort((a, b) => b.length - a.length);
    const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');
    m = { pattern, byWord: new Map(list.entries.map((e) => [e.wrong, e])) };
    compiled.set(list, m);
  }
  return m;
}

/** Every occurrence of a listed word in a source's text, at its line and column in the original file. */
export function findListedWords(text: string, file: string, list: WordList): Diagnostic[] {
  if (list.entries.length === 0) return [];
  const { pattern, byWord } = matcher(list);
  let at: ReturnType<typeof positionIndex> | undefined;
  const hits: Diagnostic[] = [];
  for (const match of text.matchAll(pattern)) {
    const entry = byWord.get(match[0]);
    if (!entry) continue;
    hits.push(errorDiagnostic({
      file, ...(at ??= positionIndex(text))(match.index), code: 'audit/word',
      message: entry.right === undefined
        ? `"${entry.wrong}" is a forbidden expression`
        : `"${entry.wrong}" should be "${entry.right}"`,
      note: `listed in ${list.file}`,
    }));
  }
  return hits;
}
