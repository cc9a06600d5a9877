import { charBefore, isHan } from '../char-class.js';
import type { Edit } from '../edits.js';
import { annotationRemainsAt, isLostCharacterMark, PINYIN_LETTERS } from '../lost-character.js';
import { isReadingOf } from '../pinyin.js';
import { isInside } from '../regions/index.js';
import type { RuleInput, RuleNote, RuleResult } from './rule.js';

const annotation = new RegExp(`[(（]([${PINYIN_LETTERS}]{1,6})[)）]|[?\\ufffd]`, 'gu');
const toneMark = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜḿńňǹ]/u;

/** Remove a parenthesised pinyin syllable right after a Han character when it is a reading of that character. */
export function pinyinAnnotations(input: RuleInput): RuleResult {
  const { text, protectedRanges } = input;
  const edits: Edit[] = [];
  const notes: RuleNote[] = [];
  for (const m of text.matchAll(annotation)) {
    if (m[1] === undefined) {
      const remains = lostAnnotation(text, m.index);
      if (remains !== null && !isInside(protectedRanges, m.index)) edits.push(remains);
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    const last = edits[edits.length - 1];
    if (last !== undefined && start < last.end) continue;
    if (isInside(protectedRanges, start) || isInside(protectedRanges, end - 1)) continue;
    const syllable = m[1] ?? '';
    // After an annotation already removed, the next one annotates the same character.
    const before = charBefore(text, last !== undefined && last.end === start ? last.start : start);
    if (isHan(before) && isReadingOf(before, syllable)) edits.push({ start, end, text: '' });
    else if (isHan(before) && toneMark.test(syllable)) {
      notes.push(mismatch(start, before, m[0]));
    }
  }
  return { edits, notes };
}

// A tone-marked syllable after a `?` or U+FFFD annotated a character the conversion lost: nothing to check it
// against, and the lossy check reports the spot, so only the annotation goes.
function lostAnnotation(text: string, mark: number): Edit | null {
  if (!isLostCharacterMark(text, mark)) return null;
  let end = mark + 1;
  for (let length = annotationRemainsAt(text, end); length > 0; length = annotationRemainsAt(text, end)) {
    if (!toneMark.test(text.slice(end, end + length))) break;
    end += length;
  }
  return end > mark + 1 ? { start: mark + 1, end, text: '' } : null;
}

function mismatch(offset: number, char: string, found: string): RuleNote {
  return {
    offset,
    code: 'repair/pinyin-mismatch',
    message: `"${found}" after "${char}" looks like a pinyin annotation but is not a reading of "${char}"; left as it is`,
    note: 'remove it by hand if it is a stray annotation',
  };
}
