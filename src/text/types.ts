import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** How the decode stage chose an encoding, strongest evidence first. */
export type DecidedBy = 'bom' | 'declared' | 'utf8' | 'detected';

/** Options of `decode`. */
export interface DecodeOptions {
  /** Used in diagnostics. */
  readonly path?: string;
  /** An encoding the user declared for this file (site config `encoding` glob, or `<meta charset>`). */
  readonly declared?: string;
  /** Encodings the detector may choose from (WHATWG/iconv-lite names). */
  readonly candidates?: readonly string[];
}

/** What `decode` returns. */
export interface DecodeResult {
  readonly text: string;
  /** Canonical lower-case name: utf-8, utf-16le, utf-16be, utf-32le, utf-32be, gb18030, big5, big5-hkscs, shift_jis, euc-kr... */
  readonly encoding: string;
  /** 0..1; 1 for a BOM, a declaration or valid UTF-8. */
  readonly confidence: number;
  readonly decidedBy: DecidedBy;
}

/** A source after the decode stage. */
export interface DecodedSource extends DecodeResult {
  readonly path: string;
}

/** Names of the switchable repair rules. */
export type RepairRuleName = 'pinyin-annotations' | 'cjk-punctuation' | 'paragraph-indent' | 'script';

/** Target script of the `script` rule. */
export type ScriptSetting = 'zh-Hans' | 'zh-Hant' | 'keep';

/** One change a repair rule made, at its 1-based position in the text before repair. */
export interface Repair {
  readonly rule: RepairRuleName;
  readonly line: number;
  readonly column: number;
  readonly before: string;
  readonly after: string;
}

/** Options of `repairText`. */
export interface RepairOptions {
  /** Used in diagnostics. */
  readonly path?: string;
  /** Rules switched on or off; all on by default except `script`, which follows `script`. */
  readonly rules?: Partial<Readonly<Record<RepairRuleName, boolean>>>;
  /** Target script; default `keep`. */
  readonly script?: ScriptSetting;
  /** How to find the parts to leave alone: Markdown skips front-matter keys, code and URLs. */
  readonly format?: 'markdown' | 'text' | 'html';
}

/** What `repairText` returns. */
export interface RepairResult {
  readonly text: string;
  readonly repairs: readonly Repair[];
  readonly warnings: readonly Diagnostic[];
}

/** A source after normalize and repair. */
export interface RepairedSource {
  readonly path: string;
  readonly text: string;
  readonly encoding: string;
  readonly decidedBy: DecidedBy;
  readonly confidence: number;
  readonly repairs: readonly Repair[];
  readonly warnings: readonly Diagnostic[];
}
