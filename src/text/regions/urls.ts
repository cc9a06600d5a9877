import type { Range } from '../edits.js';
import { matchRanges } from './ranges.js';

// A URL ends at whitespace, at Chinese text or punctuation, or at trailing ASCII punctuation.
const url =
  /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)[^\s<>"'`\u3000-\u303f\uff00-\uffef\p{Script=Han}]*[^\s<>"'`.,:;!?)\]\u3000-\u303f\uff00-\uffef\p{Script=Han}]/giu;
const email = /[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;
// What every match of `url` contains: its Unicode classes make it slow on text that holds no URL at all.
const urlSign = /:\/\/|www\.|mailto:/iu;

/** Ranges of URLs and e-mail addresses, which no repair may touch. */
export function urlRanges(text: string): Range[] {
  return [...(urlSign.test(text) ? matchRanges(text, url) : []), ...matchRanges(text, email, '@')];
}
