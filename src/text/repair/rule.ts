import type { Edit, Range } from '../edits.js';
import type { TextFormat } from '../regions/index.js';

/** What a repair rule sees: the current text and the ranges it must leave alone. */
export interface RuleInput {
  readonly text: string;
  /** Sorted, merged ranges of syntax, code and URLs. */
  readonly protectedRanges: readonly Range[];
  readonly format: TextFormat;
}

/** A warning a rule raises at an offset of its input text. */
export interface RuleNote {
  readonly offset: number;
  readonly code: string;
  readonly message: string;
  readonly note?: string;
}

/** What a repair rule returns: its edits (sorted, never touching protected ranges) and warnings. */
export interface RuleResult {
  readonly edits: readonly Edit[];
  readonly notes: readonly RuleNote[];
}
