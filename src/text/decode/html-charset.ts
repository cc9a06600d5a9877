/** A charset must be declared near the top of a page; browsers look at the first 1024 bytes, we allow more. */
const prescanBytes = 4096;

const metaCharset = /<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i;

/** The encoding an HTML page declares in `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">`. */
export function htmlDeclaredCharset(bytes: Uint8Array): string | undefined {
  // latin1 maps every byte to one char, so ASCII markup is found whatever the real encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, prescanBytes)).toString('latin1');
  return metaCharset.exec(head)?.[1]?.toLowerCase();
}
