/** The text repair stage: normalize, named repair rules, checks and script conversion. */
export { repairText } from './repair-text.js';
export { normalizeText } from '../normalize.js';
export { convertScript } from '../script.js';
export { convertHtmlText } from '../html-text.js';
export { pinyinAnnotations } from './pinyin-annotations.js';
export { cjkPunctuation } from './cjk-punctuation.js';
export { paragraphIndent } from './paragraph-indent.js';
export { scriptRule } from './script-rule.js';
export type { RuleInput, RuleNote, RuleResult } from './rule.js';
