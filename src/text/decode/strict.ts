import { isUtf8, transcode } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { iconvDecodeStrict, iconvSupports } from './iconv.js';

/** Where a strict decode stopped: the first invalid sequence and the text decoded before it. */
export interface InvalidBytes {
  readonly byteOffset: number;
  readonly bytes: Uint8Array;
  readonly textBefore: string;
}

/** The outcome of a strict decode: the text, or where the bytes stopped making sense. */
export type StrictDecode = { readonly ok: true; readonly text: string } | ({ readonly ok: false } & InvalidBytes);

const decoders = new Map<string, TextDecoder | null>();

/** A fatal TextDecoder for `encoding`, or null when Node's ICU does not have it. */
function fatalDecoder(encoding: string): TextDecoder | null {
  let decoder = decoders.get(encoding);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    } catch {
      decoder = null;
    }
    decoders.set(encoding, decoder);
  }
  return decoder;
}

/** True when we can decode `encoding` strictly (Node's TextDecoder, else iconv-lite). */
export function canDecode(encoding: string): boolean {
  return fatalDecoder(encoding) !== null || iconvSupports(encoding);
}

/** Decode without ever substituting U+FFFD: undecodable bytes give their offset instead. */
export function decodeStrict(bytes: Uint8Array, encoding: string): StrictDecode {
  // Valid UTF-8 (simdutf's check) turned into UTF-16 by ICU and copied into a string: 4x faster than Node 20's TextDecoder.
  if (encoding === 'utf-8' && isUtf8(bytes)) return { ok: true, text: transcode(bytes, 'utf8', 'utf16le').toString('utf16le') };
  const decoder = fatalDecoder(encoding);
  if (decoder) {
    try {
      return { ok: true, text: decoder.decode(bytes) };
    } catch {
      return { ok: false, ...locateWithTextDecoder(bytes, encoding) };
    }
  }
  if (!iconvSupports(encoding)) throw new Error(`Internal error: no decoder for ${encoding}`);
  const text = iconvDecodeStrict(bytes, encoding);
  return text === undefined ? { ok: false, ...locateWithIconv(bytes, encoding) } : { ok: true, text };
}

/** True when `bytes` decode in `encoding` without an invalid sequence. */
export function isValidIn(bytes: Uint8Array, encoding: string): boolean {
  const decoder = fatalDecoder(encoding);
  if (!decoder) return iconvDecodeStrict(bytes, encoding) !== undefined;
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function streamsCleanly(bytes: Uint8Array, end: number, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Binary search for the byte that first makes a streaming decode fail, then back up to its sequence start. */
function locateWithTextDecoder(bytes: Uint8Array, encoding: string): InvalidBytes {
  let good = 0;
  let bad = bytes.length;
  if (streamsCleanly(bytes, bad, encoding)) return truncatedTail(bytes, encoding);
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (streamsCleanly(bytes, mid, encoding)) good = mid;
    else bad = mid;
  }
  const start = sequenceStart(bytes, good, encoding);
  return { byteOffset: start, bytes: bytes.slice(start, bad), textBefore: completeText(bytes, start, encoding) };
}

/** The input ends inside a multi-byte sequence: the invalid bytes are that unfinished tail. */
function truncatedTail(bytes: Uint8Array, encoding: string): InvalidBytes {
  const start = sequenceStart(bytes, bytes.length, encoding);
  return { byteOffset: start, bytes: bytes.slice(start), textBefore: completeText(bytes, start, encoding) };
}

/** The offset where the pending (incomplete) sequence before `end` starts: at most 3 bytes back. */
function sequenceStart(bytes: Uint8Array, end: number, encoding: string): number {
  for (let start = end; start >= Math.max(0, end - 3); start--) {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, start));
      return start;
    } catch {
      // still inside the sequence: step back
    }
  }
  return end;
}

function completeText(bytes: Uint8Array, end: number, encoding: string): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(0, end));
}

/** iconv-lite has no error offsets: the first byte that does not survive a round trip marks the spot. */
function locateWithIconv(bytes: Uint8Array, encoding: string): InvalidBytes {
  const unit = encoding.startsWith('utf-32') ? 4 : 1;
  for (let end = unit; end <= bytes.length; end += unit) {
    if (iconvDecodeStrict(bytes.subarray(0, end), encoding) === undefined) {
      const start = end - unit;
      const textBefore = iconvDecodeStrict(bytes.subarray(0, start), encoding) ?? '';
      return { byteOffset: start, bytes: bytes.slice(start, end), textBefore };
    }
  }
  return { byteOffset: bytes.length, bytes: new Uint8Array(), textBefore: '' };
}
