import type { RuleNote } from '../repair/rule.js';
import { bracketCheck } from './brackets.js';
import type { CheckInput } from './check.js';
import { findLossySpots, lossyCheck } from './lossy.js';
import { mixedScriptCheck } from './mixed-script.js';

/** Options of `runChecks`. */
export interface ChecksOptions {
  /** The mixed-script check only runs when no script conversion will unify the article. */
  readonly mixedScript: boolean;
}

/** Run every content check on normalized text; warnings come back sorted by offset. */
export function runChecks(input: CheckInput, options: ChecksOptions): RuleNote[] {
  const spots = findLossySpots(input);
  // A bracket inside a damaged spot is part of the damage, already reported.
  const brackets = bracketCheck(input).filter((n) => !spots.some((s) => n.offset >= s.start && n.offset < s.end));
  const notes = [...lossyCheck(input, spots), ...brackets, ...(options.mixedScript ? mixedScriptCheck(input) : [])];
  return notes.sort((a, b) => a.offset - b.offset);
}

export type { CheckInput } from './check.js';
export { lossyCheck } from './lossy.js';
export { bracketCheck } from './brackets.js';
export { mixedScriptCheck } from './mixed-script.js';
