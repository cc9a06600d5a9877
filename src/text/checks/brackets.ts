import { charAt, charBefore } from '../char-class.js';
import { isInside } from '../regions/index.js';
import type { RuleNote } from '../repair/rule.js';
import { surrounding, type CheckInput } from './check.js';

// ASCII and full-width parentheses close each other: the punctuation rule may convert one side only.
const closerOf: Readonly<Record<string, string>> = {
  '(': ')', '（': ')', '[': ']', '【': '】', '《': '》', '〈': '〉', '「': '」', '『': '』', '“': '”', '‘': '’', '{': '}',
};
const family: Readonly<Record<string, string>> = { '）': ')' };
// Looked up by UTF-16 unit (every one is in the BMP): a loop over the text with this table is several times
// faster than a regex handing back a match object for each of the many quotes and line breaks of an article.
const isBracket = new Uint8Array(0x10000);
for (const char of '()（）[]【】《》〈〉「」『』“”‘’{}\n') isBracket[char.charCodeAt(0)] = 1;
const latin = /^[A-Za-z]$/;

/** Unbalanced brackets and quotes, line by line (a paragraph is a line in every source format we read). */
export function bracketCheck({ text, protectedRanges }: CheckInput): RuleNote[] {
  const notes: RuleNote[] = [];
  let open: { char: string; at: number }[] = [];
  const flush = (lineEnd: number): void => {
    for (const o of open) if (!(o.char === '“' && text.startsWith('“', lineEnd + 1))) notes.push(unclosed(text, o.at, o.char));
    open = [];
  };
  for (let at = 0; at < text.length; at++) {
    if (isBracket[text.charCodeAt(at)] !== 1) continue;
    const char = text.charAt(at);
    if (char === '\n') flush(at);
    else if (isInside(protectedRanges, at) || isApostrophe(text, at, char)) continue;
    else if (char in closerOf) open.push({ char, at });
    else {
      const closer = family[char] ?? char;
      const top = open[open.length - 1];
      if (top && closerOf[top.char] === closer) open.pop();
      else notes.push(unopened(text, at, char));
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
