import { gaps } from '../regions/index.js';
import type { RuleNote } from '../repair/rule.js';
import { charScript } from '../script.js';
import type { CheckInput } from './check.js';

const han = /\p{Script=Han}/gu;

/** Warn when an article uses both Simplified-only and Traditional-only characters; points at the first of the rarer kind. */
export function mixedScriptCheck({ text, protectedRanges }: CheckInput): RuleNote[] {
  const first = { simplified: -1, traditional: -1 };
  const seen = { simplified: new Set<string>(), traditional: new Set<string>() };
  for (const gap of gaps(protectedRanges, text.length)) {
    for (const m of text.slice(gap.start, gap.end).matchAll(han)) {
      const kind = charScript(m[0]);
      if (kind === 'both') continue;
      if (first[kind] === -1) first[kind] = gap.start + m.index;
      seen[kind].add(m[0]);
    }
  }
  if (seen.simplified.size === 0 || seen.traditional.size === 0) return [];
  const rare = seen.simplified.size <= seen.traditional.size ? 'simplified' : 'traditional';
  const examples = [...seen[rare]].slice(0, 8).join('');
  return [{
    offset: first[rare],
    code: 'text/mixed-script',
    message: `the article mixes Simplified and Traditional characters (${seen.simplified.size} Simplified-only, ${seen.traditional.size} Traditional-only; ${rare}: ${examples})`,
    note: 'set "script" in site.config.json to "zh-Hans" or "zh-Hant" to convert, or correct the characters',
  }];
}
