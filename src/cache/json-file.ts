import { open } from 'node:fs/promises';

/** About how many characters of JSON are written at a time. */
const pieceLength = 1 << 20;

/**
 * Write `JSON.stringify(value)` to `file`, the same text, in pieces of about a megabyte: the text of
 * a large record (the page manifest is 66 MB at 100,000 articles with every output) is never whole
 * in memory, nor is its UTF-8 copy. The top level and the members of its objects and arrays are
 * written member by member; anything deeper is stringified whole.
 */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let piece = '';
    for (const text of jsonPieces(value, 2)) {
      piece += text;
      if (piece.length >= pieceLength) {
        await handle.write(piece);
        piece = '';
      }
    }
    await handle.write(piece);
  } finally {
    await handle.close();
  }
}

/** The text of `JSON.stringify(value)`, in pieces: member by member down to `depth` levels. */
export function* jsonPieces(value: unknown, depth: number): Generator<string> {
  if (!expandable(value, depth)) {
    // Undefined, a function or a symbol have no JSON: left out of an object, `null` in an array (below).
    const text = JSON.stringify(value) as string | undefined;
    if (text !== undefined) yield text;
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const member: unknown = value[i];
      if (expandable(member, depth - 1)) yield* jsonPieces(member, depth - 1);
      else yield (JSON.stringify(member) as string | undefined) ?? 'null';
    }
    yield ']';
    return;
  }
  yield '{';
  let separator = '';
  for (const [key, member] of Object.entries(value as object)) {
    const name = `${separator}${JSON.stringify(key)}:`;
    if (expandable(member, depth - 1)) {
      yield name;
      yield* jsonPieces(member, depth - 1);
    } else {
      const text = JSON.stringify(member) as string | undefined;
      if (text === undefined) continue;
      yield name + text;
    }
    separator = ',';
  }
  yield '}';
}

/** Whether `value` is written member by member: an object or array, above the depth, with no `toJSON` of its own. */
function expandable(value: unknown, depth: number): value is object {
  return depth > 0 && typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
