import type { Range } from '../edits.js';
import { gaps } from '../regions/index.js';
import type { RuleNote } from '../repair/rule.js';
import { codePointScript, oneScriptKindsIn, type CharScript } from '../script.js';
import type { CheckInput } from './check.js';

/** Warn when an article uses both Simplified-only and Traditional-only characters; points at the first of the rarer kind. */
export function mixedScriptCheck({ text, protectedRanges }: CheckInput): RuleNote[] {
  const unprotected = gaps(protectedRanges, text.length);
  // Nearly every article keeps to one script: a scan without bookkeeping settles that before the exact count.
  if (!usesBothScripts(text, unprotected)) return [];
  const first = { simplified: -1, traditional: -1 };
  const seen = { simplified: new Set<number>(), traditional: new Set<number>() };
  forEachOneScriptChar(text, unprotected, (cp, at, kind) => {
    if (first[kind] === -1) first[kind] = at;
    seen[kind].add(cp);
  });
  const rare = seen.simplified.size <= seen.traditional.size ? 'simplified' : 'traditional';
  const examples = String.fromCodePoint(...[...seen[rare]].slice(0, 8));
  return [{
    offset: first[rare],
    code: 'text/mixed-script',
    message: `the article mixes Simplified and Traditional characters (${seen.simplified.size} Simplified-only, ${seen.traditional.size} Traditional-only; ${rare}: ${examples})`,
    note: 'set "script" in site.config.json to "zh-Hans" or "zh-Hant" to convert, or correct the characters',
  }];
}

function usesBothScripts(text: string, ranges: readonly Range[]): boolean {
  let simplified = false;
  let traditional = false;
  for (const { start, end } of ranges) {
    const kinds = oneScriptKindsIn(text, start, end);
    simplified ||= kinds.simplified;
    traditional ||= kinds.traditional;
  }
  return simplified && traditional;
}

// Only Han characters are Simplified- or Traditional-only: anything else is 'both' and skipped.
function forEachOneScriptChar(
  text: string,
  ranges: readonly Range[],
  visit: (codePoint: number, at: number, kind: Exclude<CharScript, 'both'>) => void,
): void {
  for (const { start, end } of ranges) {
    for (let i = start; i < end; i++) {
      const cp = text.codePointAt(i) ?? 0;
      const at = i;
      if (cp > 0xffff) i++;
      const kind = codePointScript(cp);
      if (kind !== 'both') visit(cp, at, kind);
    }
  }
}
