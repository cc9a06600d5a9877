import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { articleTemplate } from '../render/article-page.js';
import { createRenderer, type Renderer, type RendererOptions } from '../render/environment.js';
import { htmlPage } from '../render/html-page.js';
import { mirrorPage, type MirrorSettings } from '../render/mirror.js';
import type { Page } from '../render/page.js';
import type { SiteView } from '../render/site-view.js';
import type { SharedScriptConverter } from '../text/script.js';
import { urlToOutputPath } from '../site/urls.js';
import { bodySlotRef, jobContext, type ArticleJob } from './article-job.js';
import { readBodyInto, type BodyRef } from './body-store.js';

/** What a render worker is given once at start-up. */
export interface ArticleRenderSetup {
  readonly renderer: RendererOptions;
  readonly site: SiteView;
  /** The writer's staging folder: pages are written straight into it. */
  readonly staging: string;
  readonly mirror?: MirrorSettings;
  /** With the mirror, on a render thread: the starting thread's converter, in shared memory, so the thread need not build its own. */
  readonly converter?: SharedScriptConverter;
}

/**
 * A function that renders an article job and writes its page (and other-script copy) into the
 * staging folder; with its own template environment, compiled once, unless given one made from
 * `setup.renderer`. When the theme prints the article's
 * body only as `{{ article.html | safe }}`, the body goes from the body store into the file as the
 * bytes it is stored as: decoding it into the heap and encoding it again cost more than the rest of
 * the page's template. A page that gets a copy in the other script is converted whole, as a string.
 * With `sink`, each page (and copy) is handed to it, as text, instead of written.
 */
export function articlePageWriter(setup: ArticleRenderSetup, renderer: Renderer = createRenderer(setup.renderer), sink?: (page: Page) => void): (job: ArticleJob) => void {
  const slot = sink === undefined && setup.mirror === undefined && renderer.printsVerbatim(articleTemplate, 'article', 'html') ? bodySlot() : undefined;
  const output = sink ?? ((page: Page) => put(setup.staging, page.outputPath, page.contents));
  return (job) => {
    const contents = renderer.render(articleTemplate, jobContext(job, setup.site, slot));
    const stored = slot === undefined ? undefined : bodySlotRef(job);
    if (slot !== undefined && stored !== undefined) {
      if (job.writePage) put(setup.staging, urlToOutputPath(job.url), spliced(contents, slot, stored));
      return;
    }
    const page = htmlPage(job.url, contents, articleTemplate);
    if (job.writePage) output(page);
    const copy = setup.mirror && job.writeCopy ? mirrorPage(page, setup.mirror) : undefined;
    if (copy) output(copy);
  };
}

// Private-use characters around a random name: no article, title or template text can hold it by chance.
function bodySlot(): string {
  return `\u{F8FF}broadsheet-body-${randomUUID()}\u{F8FF}`;
}

// One page buffer per thread, reused: a fresh one per page is an external allocation the GC must chase.
let scratch = Buffer.allocUnsafe(256 * 1024);

/** The page's UTF-8 bytes: the rendered text, with the stored body's bytes wherever the template printed the slot. */
function spliced(contents: string, slot: string, body: BodyRef): Uint8Array {
  const parts = contents.split(slot);
  // At most three bytes of UTF-8 per UTF-16 unit, so `write` never stops short.
  const room = contents.length * 3 + body.length * (parts.length - 1);
  if (scratch.length < room) scratch = Buffer.allocUnsafe(Math.max(room, scratch.length * 2));
  let at = 0;
  parts.forEach((part, i) => {
    if (i > 0) at += readBodyInto(body, scratch, at);
    at += scratch.write(part, at);
  });
  return scratch.subarray(0, at);
}

// Written synchronously: a thread blocking on its own page-cache write costs less than a round trip through
// the libuv pool, which the other render thread and the main thread share. The main thread made the
// folder when it sent the job; a folder missing all the same is made here.
function put(staging: string, outputPath: string, contents: string | Uint8Array): void {
  const target = path.join(staging, ...outputPath.split('/'));
  try {
    writeFileSync(target, contents);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
}
