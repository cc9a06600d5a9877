import iconv from 'iconv-lite';

/** True when iconv-lite knows the encoding. */
export function iconvSupports(encoding: string): boolean {
  return iconv.encodingExists(encoding);
}

/**
 * Decode with iconv-lite, or undefined when the bytes are not valid in `encoding`.
 * iconv-lite substitutes U+FFFD silently, so validity is a byte-exact round trip.
 */
export function iconvDecodeStrict(bytes: Uint8Array, encoding: string): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = iconv.decode(buffer, encoding, { stripBOM: false });
  const back = iconv.encode(text, encoding, { addBOM: false });
  return back.equals(buffer) ? text : undefined;
}
