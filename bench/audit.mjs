#!/usr/bin/env node
// Times the audit's pass over dist/: N article pages built from a real page of the sample site,
// each read, parsed and checked one at a time. Run `npm run compile` and `npm run build` first.
// Usage: node bench/audit.mjs [N]
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { auditPages } from '../lib/audit/audit-pages.js';
import { indexDist } from '../lib/audit/dist-files.js';
import { resolveConfig } from '../lib/config/resolve.js';

const n = Number(process.argv[2] ?? 10_000);
const config = resolveConfig(readFileSync('site.config.json', 'utf8'), 'site.config.json');
const template = readFileSync('dist/2023/12/medical-insurance-2024-qa/index.html', 'utf8');
const dist = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-audit-bench-'));
cpSync('dist', dist, { recursive: true });
for (let i = 0; i < n; i++) {
  const dir = path.join(dist, 'a', String(i % 1000), String(i));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), template);
}
const started = performance.now();
const files = await indexDist(dist);
const result = await auditPages(dist, 'dist', files, config);
const ms = performance.now() - started;
console.log(JSON.stringify({ pages: result.pages, links: result.links, findings: result.diagnostics.length,
  page_bytes: template.length, total_s: +(ms / 1000).toFixed(1), per_page_ms: +(ms / result.pages).toFixed(3),
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
rmSync(dist, { recursive: true, force: true });
