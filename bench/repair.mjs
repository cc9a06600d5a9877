// Throughput of repairText on a 2,500-character Traditional article with every rule and zh-Hans conversion.
// Run after `npm run compile`: node bench/repair.mjs
import { readFileSync } from 'node:fs';
import { repairText } from '../lib/text/repair/index.js';

const seed = readFileSync(new URL('../../shared/seeds/000_862fb1d576b5b9c2.txt', import.meta.url), 'utf8');
const article = seed.repeat(Math.ceil(2500 / seed.length)).slice(0, 2500);
const options = { format: 'text', script: 'zh-Hans', path: 'bench.txt' };

function measure(label, text, opts) {
  for (let i = 0; i < 50; i++) repairText(text, opts);
  const runs = 500;
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) repairText(text, opts);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label}: ${(runs / seconds).toFixed(0)} articles/s (${((seconds / runs) * 1000).toFixed(2)} ms each)`);
}

measure('damaged seed x2500 chars, all rules + zh-Hans', article, options);
const clean = repairText(article, options).text;
measure('clean Simplified 2500 chars, all rules + zh-Hans', clean, options);
measure('clean Simplified 2500 chars, script keep', clean, { ...options, script: 'keep' });
