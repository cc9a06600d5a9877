#!/usr/bin/env node
// CPU per article of the per-file pipeline (processSource: decode, repair and checks, parse, validate
// and markdown), in this one thread, on a generated corpus held in memory; then the same time split by stage.
// Run after `npm run compile`:
//   node bench/pipeline.mjs [corpus folder] [articles]   (without a folder: ../shared/bench/gen-corpus.mjs makes one)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toArticle } from '../lib/content/article.js';
import { loadConfig } from '../lib/config/load.js';
import { processSource, formatOf } from '../lib/build/source-pipeline.js';
import { decodeStage, parseStage, repairStage } from '../lib/build/stages.js';

const project = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const [givenFolder, givenCount] = process.argv.slice(2);
const count = Number(givenCount ?? 10000);
let folder = givenFolder;
let temporary;
if (folder === undefined) {
  temporary = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-pipeline-'));
  folder = path.join(temporary, 'content');
  const generator = path.resolve(project, '../shared/bench/gen-corpus.mjs');
  if (!existsSync(generator)) throw new Error(`the corpus generator ${generator} is missing (../shared/bench beside the project)`);
  spawnSync(process.execPath, [generator, folder, String(count)], { stdio: 'ignore' });
}
const config = await loadConfig(path.join(project, 'bench/site.core.config.json'), 'site.config.json');
const names = readdirSync(folder).filter((n) => n.endsWith('.md')).sort().slice(0, count);
const files = names.map((n) => ({ path: `content/${n}`, contentPath: n, bytes: readFileSync(path.join(folder, n)) }));
if (temporary) rmSync(temporary, { recursive: true, force: true });

/** CPU milliseconds per article of fn over every file (after one warm-up pass over the first tenth). */
function perArticle(fn) {
  for (const file of files.slice(0, Math.ceil(files.length / 10))) fn(file);
  const start = process.cpuUsage();
  for (const file of files) fn(file);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / files.length;
}

const whole = perArticle((f) => processSource(f, config));
// The stages again, one at a time, each from the previous stage's output computed beforehand.
const decoded = new Map(files.map((f) => [f, decodeStage(f, config)]));
const repaired = new Map(files.map((f) => [f, repairStage(decoded.get(f).text, f.path, formatOf(f.contentPath), config)]));
const parsed = new Map(files.map((f) => [f, parseStage(repaired.get(f).text, f.path, formatOf(f.contentPath)).parsed]));
const stages = {
  decode: perArticle((f) => decodeStage(f, config)),
  'repair + checks': perArticle((f) => repairStage(decoded.get(f).text, f.path, formatOf(f.contentPath), config)),
  'front matter': perArticle((f) => parseStage(repaired.get(f).text, f.path, formatOf(f.contentPath))),
  'validate + markdown + measures': perArticle((f) => toArticle(parsed.get(f), f.contentPath, config)),
};
console.log(`processSource over ${files.length} articles, one thread, Node ${process.version}: ${whole.toFixed(3)} ms CPU per article`);
for (const [stage, ms] of Object.entries(stages)) console.log(`  ${stage.padEnd(32)} ${ms.toFixed(3)} ms`);
