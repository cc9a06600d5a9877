import * as pagefind from 'pagefind';
import type { Page } from '../render/page.js';

/** Collects HTML pages as they stream to the writer and turns them into Pagefind's index files. */
export interface SearchIndexer {
  /** Queue one page, resolving when there is room for the next; pages other than HTML are ignored. */
  add(page: Page): Promise<void>;
  /** The index and Pagefind's search script as pages under `/pagefind/`; closes the indexer. */
  finish(): Promise<Page[]>;
  /** Throw the index away (a failed build). */
  close(): Promise<void>;
}

/**
 * Start Pagefind (the `pagefind` package runs its platform binary, installed from npm, as a
 * service). The index is built from the pages in memory, so the output folder is written once,
 * atomically, with the index inside it.
 */
export async function createSearchIndexer(): Promise<SearchIndexer> {
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) throw searchError(created.errors);
  // Bounded, so pages wait for Pagefind instead of piling up in memory (730 MB for 2,000 articles unbounded).
  const inFlight = new Set<Promise<void>>();
  const errors: string[] = [];
  return {
    async add(page) {
      if (!page.contentType.startsWith('text/html') || typeof page.contents !== 'string') return;
      const job = index.addHTMLFile({ url: page.url, content: page.contents }).then((r) => {
        errors.push(...r.errors);
        inFlight.delete(job);
      });
      inFlight.add(job);
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    },
    async finish() {
      try {
        await Promise.all(inFlight);
        if (errors.length > 0) throw searchError(errors);
        const files = await index.getFiles();
        if (files.errors.length > 0) throw searchError(files.errors);
        return files.files.map(indexPage);
      } finally {
        await pagefind.close();
      }
    },
    async close() {
      await Promise.allSettled(inFlight);
      await pagefind.close();
    },
  };
}

const maxInFlight = 16;

function indexPage(file: pagefind.IndexFile): Page {
  const name = file.path.replace(/^\/+/, '');
  const url = `/pagefind/${name}`;
  return { url, outputPath: url.slice(1), contents: file.content, contentType: contentType(name), origin: 'pagefind' };
}

function contentType(name: string): string {
  if (name.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (name.endsWith('.css')) return 'text/css; charset=utf-8';
  if (name.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}

function searchError(errors: readonly string[]): Error {
  return new Error(`Pagefind could not build the search index: ${errors.join('; ')}`);
}
