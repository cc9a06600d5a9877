#!/usr/bin/env node
// Editing loop: from writing one changed article to the new page served by `broadsheet dev`.
//
//   node bench/dev-incremental.mjs [N] [EDITS]      (defaults: 10000 articles, 10 edits)
//
// Generates N articles with ../shared/bench/gen-corpus.mjs into a temporary site (permalink
// /articles/:slug/), starts the dev server in this process (lib/, so run `npm run compile`
// first), requests the article once as an open browser tab would, then EDITS times appends a
// paragraph with a unique marker to one article in the middle of the corpus and polls the page
// over HTTP until it contains the marker. Prints each latency and the median, as JSON.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const generator = path.resolve(root, '../shared/bench/gen-corpus.mjs');
if (!existsSync(generator)) {
  console.error(`dev-incremental: ${generator} not found (../shared is beside the project)`);
  process.exit(2);
}
const n = Number(process.argv[2] ?? 10000);
const edits = Number(process.argv[3] ?? 10);
const site = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-dev-'));
const { startDev } = await import(path.join(root, 'lib/dev/start-dev.js'));

try {
  execFileSync(process.execPath, [generator, path.join(site, 'content'), String(n)], { stdio: 'ignore' });
  writeFileSync(path.join(site, 'site.config.json'), JSON.stringify({ title: '基准', baseUrl: 'https://example.org', permalink: '/articles/:slug/' }));
  const started = performance.now();
  const session = await startDev(
    { root: site, drafts: true, future: false, now: Date.now(), host: '127.0.0.1', port: 0, nextFreePort: false },
    (e) => process.env.BENCH_VERBOSE && console.error(`rebuild ${e.ms.toFixed(1)} ms patched=${e.patched} rendered=${e.renderedUrls.length} changed=${e.changedUrls.length}`),
    (error) => console.error(error),
  );
  const startupMs = performance.now() - started;
  const id = `a${String(Math.ceil(n / 2)).padStart(6, '0')}`;
  const file = path.join(site, 'content', `${id}.md`);
  const url = new URL(`/articles/${id}/`, session.url).href;
  await fetch(url).then((r) => r.text());
  const original = readFileSync(file, 'utf8');
  const latencies = [];
  for (let k = 0; k < edits; k++) {
    const marker = `编辑标记${k}x${Date.now()}`;
    const t0 = performance.now();
    writeFileSync(file, `${original}\n本文已更新。${marker}\n`);
    latencies.push(await servedWithin(url, marker, t0, 30_000));
    await session.idle();
  }
  await session.close();
  const sorted = latencies.filter((x) => x !== null).sort((a, b) => a - b);
  const median = sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)];
  console.log(JSON.stringify({ case: 'dev-incremental', articles: n, pages: session.pages, startup_s: +(startupMs / 1000).toFixed(1), latencies_ms: latencies, median_ms: median }));
} finally {
  rmSync(site, { recursive: true, force: true });
}

async function servedWithin(pageUrl, marker, t0, timeoutMs) {
  while (performance.now() - t0 < timeoutMs) {
    const text = await fetch(pageUrl).then((r) => r.text());
    if (text.includes(marker)) return +(performance.now() - t0).toFixed(1);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return null;
}
