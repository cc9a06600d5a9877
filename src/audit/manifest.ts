import { createHash } from 'node:crypto';
import type { Article } from '../content/types.js';
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Position } from '../diagnostics/position.js';
import { dayOf } from './dates.js';

/** The publish date each source carried when it was first built, kept between builds. */
export interface DatesManifest {
  readonly version: 1;
  /** By site-relative source path. */
  readonly sources: Readonly<Record<string, ManifestEntry>>;
}

/** One source's dates: the first one it was built with and the latest. */
export interface ManifestEntry {
  /** Calendar day of `date` at the first build, `2023-12-08`. */
  readonly firstDate: string;
  readonly date: string;
}

/** The manifest after a build: new sources recorded, first dates kept, removed sources dropped. */
export function updateManifest(previous: DatesManifest | undefined, articles: readonly Article[]): DatesManifest {
  const sources: Record<string, ManifestEntry> = {};
  for (const article of [...articles].sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : 1))) {
    const date = dayOf(article.date);
    sources[article.sourcePath] = { firstDate: previous?.sources[article.sourcePath]?.firstDate ?? date, date };
  }
  return { version: 1, sources };
}

/**
 * What `updateManifest` takes from `articles`, as a digest: each source path and day, in order. The
 * same digest over the same previous manifest gives the same manifest, so a build whose digest and
 * manifest file are those the last build kept need not read the manifest at all.
 */
export function articlesDigest(articles: readonly Article[]): string {
  return createHash('sha256').update(articles.map((article) => `${article.sourcePath}\0${dayOf(article.date)}`).join('\n')).digest('hex');
}

/** Whether two manifests list the same sources in the same order with the same dates: the file would be written the same. */
export function sameManifest(a: DatesManifest, b: DatesManifest): boolean {
  const names = Object.keys(a.sources);
  const others = Object.keys(b.sources);
  if (names.length !== others.length) return false;
  return names.every((name, i) => {
    const [x, y] = [a.sources[name], b.sources[name]];
    return name === others[i] && x?.firstDate === y?.firstDate && x?.date === y?.date;
  });
}

/**
 * Sources whose date is not the one they were first built with. An earlier date is
 * back-dating, a failure item of the inspection; a later one is a warning (a revision belongs
 * in `updated`). No manifest (the first build) reports nothing.
 */
export function checkDateChanges(manifest: DatesManifest | undefined, articles: readonly Article[], at: (article: Article) => Position): Diagnostic[] {
  if (manifest === undefined) return [];
  return articles.flatMap((article) => {
    const first = manifest.sources[article.sourcePath]?.firstDate;
    const now = dayOf(article.date);
    if (first === undefined || first === now) return [];
    const earlier = now < first;
    return [(earlier ? errorDiagnostic : warningDiagnostic)({
      file: article.sourcePath,
      ...at(article),
      code: earlier ? 'audit/back-dated' : 'audit/date-changed',
      message: `date changed from ${first} (when first built) to ${now}${earlier ? ': back-dating an article fails the inspection' : ''}`,
      note: `restore "date: ${first}" and put the revision time in "updated"`,
    })];
  });
}

/** Parse a manifest read from disk; undefined when it is not one of ours (then it is rebuilt). */
export function parseManifest(text: string): DatesManifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<DatesManifest>;
    if (value.version !== 1 || typeof value.sources !== 'object' || value.sources === null) return undefined;
    return { version: 1, sources: value.sources };
  } catch {
    return undefined;
  }
}
