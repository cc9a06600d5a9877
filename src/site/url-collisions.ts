import type { Article } from '../content/types.js';
import { errorDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** One error per article whose URL another article already has, naming both source files. */
export function findUrlCollisions(articles: readonly Article[]): Diagnostic[] {
  const byUrl = new Map<string, Article>();
  const problems: Diagnostic[] = [];
  const sorted = [...articles].sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0));
  for (const article of sorted) {
    const key = article.url.normalize('NFC').toLowerCase();
    const first = byUrl.get(key);
    if (!first) {
      byUrl.set(key, article);
      continue;
    }
    problems.push(errorDiagnostic({
      file: article.sourcePath,
      code: 'output/duplicate-url',
      message: `${article.url} is also the URL of ${first.sourcePath}`,
      note: 'give one of them another slug (front matter "slug: ...")',
    }));
  }
  return problems;
}
