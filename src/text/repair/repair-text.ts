import { warningDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { runChecks } from '../checks/index.js';
import { applyEdits, mapBackThrough, mapRangesForward, type Edit, type Range } from '../edits.js';
import { normalizeWithSteps } from '../normalize.js';
import { positionIndex } from '../position-index.js';
import { protectedRanges } from '../regions/index.js';
import type { Repair, RepairOptions, RepairResult, RepairRuleName } from '../types.js';
import { cjkPunctuation } from './cjk-punctuation.js';
import { paragraphIndent } from './paragraph-indent.js';
import { pinyinAnnotations } from './pinyin-annotations.js';
import type { RuleInput, RuleNote, RuleResult } from './rule.js';
import { scriptRule } from './script-rule.js';

type Rule = (input: RuleInput) => RuleResult;

/** Normalize, apply the enabled repair rules, then run the checks; positions point into `text` as given. */
export function repairText(text: string, options: RepairOptions = {}): RepairResult {
  const format = options.format ?? 'text';
  const file = options.path ?? '<text>';
  const normalized = normalizeWithSteps(text);
  const steps: (readonly Edit[])[] = [...normalized.steps];
  const origin = positionIndex(text);
  const warn = (note: RuleNote, offset: number): Diagnostic =>
    warningDiagnostic({ file, code: note.code, message: note.message, note: note.note, ...origin(offset) });

  let current = normalized.text;
  let ranges: Range[] = protectedRanges(current, format);
  const script = options.script ?? 'keep';
  const checks = runChecks({ text: current, protectedRanges: ranges }, { mixedScript: script === 'keep' });
  const warnings = checks.map((n) => warn(n, mapBackThrough(steps, n.offset)));
  const repairs: Repair[] = [];
  for (const [name, rule] of enabledRules(options)) {
    const result = rule({ text: current, protectedRanges: ranges, format });
    for (const n of result.notes) warnings.push(warn(n, mapBackThrough(steps, n.offset)));
    for (const e of result.edits) {
      repairs.push({ rule: name, ...origin(mapBackThrough(steps, e.start)), before: current.slice(e.start, e.end), after: e.text });
    }
    if (result.edits.length === 0) continue;
    steps.push(result.edits);
    current = applyEdits(current, result.edits);
    ranges = mapRangesForward(ranges, result.edits);
  }
  return { text: current, repairs, warnings };
}

function enabledRules(options: RepairOptions): [RepairRuleName, Rule][] {
  const on = (name: RepairRuleName): boolean => options.rules?.[name] ?? true;
  const rules: [RepairRuleName, Rule][] = [];
  if (on('pinyin-annotations')) rules.push(['pinyin-annotations', pinyinAnnotations]);
  if (on('cjk-punctuation')) rules.push(['cjk-punctuation', cjkPunctuation]);
  if (on('paragraph-indent')) rules.push(['paragraph-indent', paragraphIndent]);
  const script = options.script ?? 'keep';
  if (script !== 'keep' && on('script')) rules.push(['script', scriptRule(script)]);
  return rules;
}
