import type { Edit } from '../edits.js';
import { gaps } from '../regions/index.js';
import { convertScript, type ChineseScript } from '../script.js';
import type { RuleInput, RuleResult } from './rule.js';

const hasHan = /\p{Script=Han}/u;

/** The `script` rule for one target script: converts the text outside protected ranges with OpenCC. */
export function scriptRule(to: ChineseScript): (input: RuleInput) => RuleResult {
  return (input) => {
    const edits: Edit[] = [];
    for (const gap of gaps(input.protectedRanges, input.text.length)) {
      const before = input.text.slice(gap.start, gap.end);
      if (!hasHan.test(before)) continue;
      edits.push(...lineEdits(before, convertScript(before, to), gap.start, to));
    }
    return { edits, notes: [] };
  };
}

// One edit per changed line, from its first to its last changed character, so reports stay readable.
function lineEdits(before: string, after: string, origin: number, to: ChineseScript): Edit[] {
  const edits: Edit[] = [];
  const oldLines = before.split('\n');
  const newLines = after.length === before.length ? after.split('\n') : oldLines.map((l) => convertScript(l, to));
  let at = origin;
  oldLines.forEach((line, i) => {
    const next = newLines[i] ?? line;
    if (next !== line) edits.push(narrow(line, next, at));
    at += line.length + 1;
  });
  return edits;
}

function narrow(line: string, next: string, at: number): Edit {
  let head = 0;
  while (head < line.length && head < next.length && line[head] === next[head]) head++;
  let tail = 0;
  while (tail < line.length - head && tail < next.length - head && line[line.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  return { start: at + head, end: at + line.length - tail, text: next.slice(head, next.length - tail) };
}
