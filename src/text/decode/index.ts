export { decode, defaultCandidates } from './decode.js';
export type { DecodeContext } from './decode.js';
export { decodeSource, declaredEncoding } from './decode-source.js';
export type { DecodeSettings } from './decode-source.js';
export { formatEncodingReport, encodingTally } from './encoding-report.js';
export type { EncodingTally } from './encoding-report.js';
export { canonicalEncoding } from './encoding-name.js';
export { htmlDeclaredCharset } from './html-charset.js';
