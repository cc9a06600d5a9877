/** Membership of code points in a Unicode class, answered from a table instead of a regex per character. */
export interface CodePointSet {
  /** True when the code point belongs to the class. */
  has(codePoint: number): boolean;
  /** Membership of each BMP code point (1 or 0), built on first use: for loops that visit every character. */
  bmpTable(): Uint8Array;
}

// The Basic Multilingual Plane holds nearly every character of news text; rarer ones fall back to the regex.
const TABLE_SIZE = 0x10000;

/**
 * A set of the code points matched by a one-character regex (e.g. /\p{Script=Han}/u), built once:
 * a regex match per character costs an allocation, and the hot text checks visit every character.
 */
export function codePointSet(pattern: RegExp): CodePointSet {
  const single = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''));
  let table: Uint8Array | undefined;
  const build = (): Uint8Array => {
    const t = new Uint8Array(TABLE_SIZE);
    for (let cp = 0; cp < TABLE_SIZE; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (single.test(String.fromCodePoint(cp))) t[cp] = 1;
    }
    return t;
  };
  return {
    has(codePoint: number): boolean {
      if (codePoint >= TABLE_SIZE) return single.test(String.fromCodePoint(codePoint));
      return (table ??= build())[codePoint] === 1;
    },
    bmpTable: () => (table ??= build()),
  };
}
