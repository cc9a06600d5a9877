import { charAt, charBefore } from '../char-class.js';
import { isInside } from '../regions/index.js';
import type { RuleNote } from '../repair/rule.js';
import { surrounding, type CheckInput } from './check.js';

// ASCII and full-width parentheses close each other: the punctuation rule may convert one side only.
const closerOf: Readonly<Record<string, string>> = {
  '(': ')', '（': ')', '[': ']', '【': '】', '《': '》', '〈': '〉', '「': '」', '『': '』', '“': '”', '‘': '’', '{': '}',
};
const family: Readonly<Record<string, string>> = { '）': ')' };
const brackets = /[()（）[\]【】《》〈〉「」『』“”‘’{}\n]/g;
const latin = /^[A-Za-z]$/;

/** Unbalanced brackets and quotes, line by line (a paragraph is a line in every source format we read). */
export function bracketCheck({ text, protectedRanges }: CheckInput): RuleNote[] {
  const notes: RuleNote[] = [];
  let open: { char: string; at: number }[] = [];
  const flush = (lineEnd: number): void => {
    for (const o of open) if (!(o.char === '“' && text.startsWith('“', lineEnd + 1))) notes.push(unclosed(text, o.at, o.char));
    open = [];
  };
  for (const m of text.matchAll(brackets)) {
    const char = m[0];
    if (char === '\n') flush(m.index);
    else if (isInside(protectedRanges, m.index) || isApostrophe(text, m.index, char)) continue;
    else if (char in closerOf) open.push({ char, at: m.index });
    else {
      const closer = family[char] ?? char;
      const top = open[open.length - 1];
      if (top && closerOf[top.char] === closer) open.pop();
      else notes.push(unopened(text, m.index, char));
    }
  }
  flush(text.length);
  return notes;
}

function isApostrophe(text: string, at: number, char: string): boolean {
  return char === '’' && latin.test(charBefore(text, at)) && latin.test(charAt(text, at + 1));
}

function unclosed(text: string, at: number, char: string): RuleNote {
  return {
    offset: at,
    code: 'text/unbalanced-bracket',
    message: `"${char}" is not closed on its line: "${surrounding(text, at, at + 1)}"`,
    note: `add the closing "${closerOf[char] === ')' ? '）' : closerOf[char]}" or remove this one`,
  };
}

function unopened(text: string, at: number, char: string): RuleNote {
  return {
    offset: at,
    code: 'text/unbalanced-bracket',
    message: `"${char}" closes nothing on its line: "${surrounding(text, at, at + 1)}"`,
    note: 'add the opening bracket or remove this one',
  };
}
