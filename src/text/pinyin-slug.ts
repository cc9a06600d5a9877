import { tonelessSyllables } from './pinyin.js';

/** An ASCII slug for a title: pinyin of the Han characters and the Latin words, joined by hyphens. */
export function titleSlug(title: string, maxLength = 60): string {
  const syllables = tonelessSyllables(title);
  const words = syllables
    .map((s) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim())
    .flatMap((s) => s.split(' '))
    .filter((s) => s !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug === '' ? 'article' : slug;
}
