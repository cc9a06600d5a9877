import { pinyin } from 'pinyin-pro';

/** An ASCII slug for a title: pinyin of the Han characters and the Latin words, joined by hyphens. */
export function titleSlug(title: string, maxLength = 60): string {
  const syllables = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
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
