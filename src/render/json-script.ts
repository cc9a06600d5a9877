/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>` and `&` become \u escapes, so
 * `</script>` or `<!--` inside an article's title can never end the script or open a comment;
 * U+2028/U+2029 are escaped for old JavaScript parsers. The result is still plain JSON.
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new Error('Internal error: jsonForScript given a value JSON cannot represent');
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
