#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// After each full collection V8 lets a heap grow to up to four times what survived it before collecting
// again: a cold 100,000-article build peaked at 1.1 GB. Doubling at most kept it at 730 MB at the same
// speed (docs/architecture.md, "Every heap grows..."). The flag is read at every collection, and threads
// started later share it. A --heap-growing-percent given to node itself wins.
if (!process.execArgv.some((flag) => flag.startsWith('--heap-growing-percent'))) v8.setFlagsFromString('--heap-growing-percent=100');

const entry = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('broadsheet: lib/ is missing; run `npm install` (or `npm run compile`) first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
