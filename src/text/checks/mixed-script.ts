import { gaps } from '../regions/index.js';
import type { RuleNote } from '../repair/rule.js';
import { codePointSet } from '../code-point-set.js';
import { codePointScript } from '../script.js';
import type { CheckInput } from './check.js';

const han = codePointSet(/\p{Script=Han}/u);

/** Warn when an article uses both Simplified-only and Traditional-only characters; points at the first of the rarer kind. */
export function mixedScriptCheck({ text, protectedRanges }: CheckInput): RuleNote[] {
  const first = { simplified: -1, traditional: -1 };
  const seen = { simplified: new Set<number>(), traditional: new Set<number>() };
  for (const gap of gaps(protectedRanges, text.length)) {
    for (let i = gap.start; i < gap.end; i++) {
      const cp = text.codePointAt(i) ?? 0;
      const at = i;
      if (cp > 0xffff) i++;
      if (!han.has(cp)) continue;
      const kind = codePointScript(cp);
      if (kind === 'both') continue;
      if (first[kind] === -1) first[kind] = at;
      seen[kind].add(cp);
    }
  }
  if (seen.simplified.size === 0 || seen.traditional.size === 0) return [];
  const rare = seen.simplified.size <= seen.traditional.size ? 'simplified' : 'traditional';
  const examples = String.fromCodePoint(...[...seen[rare]].slice(0, 8));
  return [{
    offset: first[rare],
    code: 'text/mixed-script',
    message: `the article mixes Simplified and Traditional characters (${seen.simplified.size} Simplified-only, ${seen.traditional.size} Traditional-only; ${rare}: ${examples})`,
    note: 'set "script" in site.config.json to "zh-Hans" or "zh-Hant" to convert, or correct the characters',
  }];
}
