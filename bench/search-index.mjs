#!/usr/bin/env node
// Times the site search index apart from the rest of the build: analyzes a generated corpus
// (read, parse, model), then builds the index into memory-light counters and reports CPU time,
// memory growth, file sizes and what a browser downloads for a few queries.
//   npm run compile && node bench/search-index.mjs [N=10000] [batchSize]
import { mkdtempSync, existsSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSite } from '../lib/index.js';
import { defaultSearchIndexOptions, writeSearchIndex } from '../lib/search/write-search-index.js';
import { parseQuery, shardOf } from '../templates/assets/search-core.js';

const project = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const n = Number(process.argv[2] ?? 10000);
const batchSize = Number(process.argv[3] ?? defaultSearchIndexOptions.batchSize);
const corpus = path.join(os.tmpdir(), `broadsheet-search-corpus-${n}`);
if (!existsSync(corpus)) spawnSync(process.execPath, [path.resolve(project, '../shared/bench/gen-corpus.mjs'), corpus, String(n)], { stdio: 'inherit' });
const site = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-search-site-'));
writeFileSync(path.join(site, 'site.config.json'), JSON.stringify({ title: 'bench', baseUrl: 'https://bench.example.cn', permalink: '/articles/:slug/', script: 'keep', mirror: false }));
const analysis = await analyzeSite({ root: site, contentDir: corpus, now: Date.UTC(2100, 0, 1) });
if (!analysis.model) throw new Error('analysis failed');
global.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const sizes = new Map();
const cpu = process.cpuUsage();
const started = performance.now();
const stats = await writeSearchIndex(analysis.model, async (page) => {
  sizes.set(page.url, page.contents.length);
  if (sizes.size % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
}, { batchSize });
const used = process.cpuUsage(cpu);
const wall = performance.now() - started;
peak = Math.max(peak, process.memoryUsage().rss);
const mb = (b) => (b / 1048576).toFixed(1);
console.log(`${stats.documents} articles indexed of ${n}, batch ${batchSize}: ${wall.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, RSS +${mb(peak - before)} MB (peak ${mb(peak)} MB)`);
console.log(`${stats.shards} shards, ${mb(stats.shardBytes)} MB (largest ${(Math.max(...[...sizes].filter(([u]) => u.includes('/s/')).map(([, s]) => s)) / 1024).toFixed(1)} kB); documents ${mb(stats.documentBytes)} MB`);
for (const query of ['主题教育', '经济', '发展', '人民群众 服务', '改革开放 2023', '國際']) {
  const { tokens } = parseQuery(query);
  const shards = new Set(tokens.map((t) => shardOf(t, stats.shards)));
  const bytes = [...shards].reduce((sum, s) => sum + (sizes.get(`/search-index/s/${s}.bin`) ?? 0), 0);
  console.log(`  query ${query}: ${tokens.length} tokens, ${shards.size} shards, ${(bytes / 1024).toFixed(1)} kB`);
}
