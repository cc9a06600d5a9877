/** Why a slug was refused, or undefined when it is safe. */
export function slugProblem(slug: string): string | undefined {
  if (slug.trim() === '') return 'is empty';
  if (/[\u0000-\u001f\u007f]/.test(slug)) return 'contains a control character';
  if (slug.includes('/') || slug.includes('\\')) return 'contains a path separator';
  if (slug === '.' || slug === '..' || slug.includes('..')) return 'contains ".."';
  if (/^[a-zA-Z]:/.test(slug)) return 'starts with a drive letter';
  if (/[?#%<>"'`|*]/.test(slug)) return 'contains a character that cannot appear in a URL path segment';
  if (/\s/.test(slug)) return 'contains white space';
  return undefined;
}

/** The default slug of a content file: its name without extension (the folder's name for index files). */
export function slugFromPath(contentPath: string): string {
  const parts = contentPath.split('/');
  const file = parts[parts.length - 1] ?? '';
  const stem = file.replace(/\.[^.]+$/, '');
  if (stem === 'index' && parts.length > 1) return parts[parts.length - 2] ?? stem;
  return stem;
}
