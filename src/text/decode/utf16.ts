/** What the zero bytes of a file say about UTF-16 byte order. */
export interface Utf16Evidence {
  readonly encoding: 'utf-16le' | 'utf-16be';
  /** Share of zero bytes that sit in the high-byte half of a code unit for this order. */
  readonly confidence: number;
}

/**
 * UTF-16 without a BOM: ASCII characters (newlines, spaces, markup) leave a zero in the high byte of
 * each code unit, so the side the zeros fall on tells the byte order. Text in legacy encodings and
 * UTF-8 has no zero bytes at all. Undefined when the file has none or has an odd length.
 */
export function utf16Evidence(bytes: Uint8Array): Utf16Evidence | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const total = evenZeros + oddZeros;
  if (total === 0) return undefined;
  // Little-endian puts the high byte second (odd offsets).
  return oddZeros >= evenZeros
    ? { encoding: 'utf-16le', confidence: oddZeros / total }
    : { encoding: 'utf-16be', confidence: evenZeros / total };
}
