import type Iconv from 'iconv-lite';
import { lazyPackage } from '../../lazy-package.js';

// Loaded on first use (a legacy encoding): a site of UTF-8 sources never needs it (8 ms in each thread).
const iconvLite = lazyPackage<typeof Iconv>('iconv-lite');

/** True when iconv-lite knows the encoding. */
export function iconvSupports(encoding: string): boolean {
  return iconvLite().encodingExists(encoding);
}

/**
 * Decode with iconv-lite, or undefined when the bytes are not valid in `encoding`.
 * iconv-lite substitutes U+FFFD silently, so validity is a byte-exact round trip.
 */
export function iconvDecodeStrict(bytes: Uint8Array, encoding: string): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const iconv = iconvLite();
  const text = iconv.decode(buffer, encoding, { stripBOM: false });
  const back = iconv.encode(text, encoding, { addBOM: false });
  return back.equals(buffer) ? text : undefined;
}
