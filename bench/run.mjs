#!/usr/bin/env node
// Times whole builds of generated corpora, as a user runs them (node bin/broadsheet.js build in a child
// process): cold (no cache, no output), warm (cache and output kept, nothing changed), one changed
// article, one article published (a new file dated after every other), and two fresh checkouts of
// the same sources (every file new, its bytes the same, the cache kept): with the output kept (a
// branch switched back), and without it, as in CI with the cache restored.
// Prints wall time, CPU time (user + sys), peak RSS and pages written; medians of RUNS rounds.
//   npm run bench                 1,000 and 10,000 articles
//   npm run bench -- --large      and 100,000
//   Builds pass --future: the generator dates most of a 100,000-article corpus after today, and every article must be built.
//   RUNS=5 SIZES=10000 npm run bench
//   OUTPUTS='{"search":false,"mirror":false}' npm run bench   bench/site.config.json with these keys replaced,
//                                                             to time the search index and the mirror apart
//   KINDS=cold npm run bench      only the cold builds
// Other parts of the bench (bench/render.mjs, bench/dev-incremental.mjs, ...) run after it with --all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const project = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const generator = path.resolve(project, '../shared/bench/gen-corpus.mjs');
const args = process.argv.slice(2);
const sizes = process.env.SIZES ? process.env.SIZES.split(/[ ,]+/).map(Number) : [1000, 10000, ...(args.includes('--large') ? [100000] : [])];
const runs = Number(process.env.RUNS ?? 3);
const work = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-'));
const outputs = JSON.parse(process.env.OUTPUTS ?? '{}');
const kinds = (process.env.KINDS ?? 'cold,warm,one change,publish,checkout,CI checkout').split(',');
const config = path.join(work, 'site.config.json');
writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(path.join(project, 'bench/site.config.json'), 'utf8')), ...outputs }));

if (!existsSync(generator)) {
  console.error(`bench: the corpus generator ${generator} is missing (../shared/bench beside the project)`);
  process.exit(2);
}
spawnSync('npm', ['run', 'compile', '--silent'], { cwd: project, stdio: 'inherit' });

/** One build as a child process, measured by GNU time: wall, cpu, peak RSS of the whole process (worker threads included). */
function timedBuild(content, out, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, path.join(project, 'bin/broadsheet.js'), 'build',
    '--content', content, '--out', out, '--config', config, '--future'], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [wall, user, sys, rssKb] = last.split(' ').map(Number);
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { wall, cpu: user + sys, rssMb: rssKb / 1024 };
}

/** Every source written again as a checkout does: a new file (another inode, a new mtime), the same bytes. */
function checkOut(content) {
  for (const name of readdirSync(content, { recursive: true })) {
    const file = path.join(content, String(name));
    if (!file.endsWith('.md')) continue;
    writeFileSync(`${file}.new`, readFileSync(file));
    renameSync(`${file}.new`, file);
  }
}

function countPages(dir) {
  return readdirSync(dir, { recursive: true }).filter((n) => String(n).endsWith('.html')).length;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const n of sizes) {
  const content = path.join(work, `corpus${n}`);
  spawnSync(process.execPath, [generator, content, String(n)], { stdio: 'ignore' });
  const site = path.join(work, `site${n}`);
  const out = path.join(site, 'dist');
  const results = { cold: [], warm: [], 'one change': [], publish: [], checkout: [], 'CI checkout': [] };
  for (let round = 0; round < runs; round++) {
    rmSync(site, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', site]);
    results.cold.push(timedBuild(content, out, site));
    if (kinds.every((kind) => kind === 'cold')) continue;
    results.warm.push(timedBuild(content, out, site));
    const changed = path.join(content, `a${String(Math.ceil(n / 2)).padStart(6, '0')}.md`);
    const original = readFileSync(changed, 'utf8');
    writeFileSync(changed, original.replace('\n---\n', `\n---\n\n更正：第 ${round} 轮修改。\n`));
    results['one change'].push(timedBuild(content, out, site));
    writeFileSync(changed, original);
    if (kinds.includes('publish')) {
      timedBuild(content, out, site);
      // The newest article of the site: every listing page shifts by one, every other article page stays.
      const published = path.join(content, 'zz-published.md');
      writeFileSync(published, original.replace(/^date: .*$/m, 'date: 2099-12-31 08:00:00').replace(/^title: .*$/m, `title: "今日要闻 第 ${round} 轮"`));
      results.publish.push(timedBuild(content, out, site));
      rmSync(published);
    }
    if (kinds.includes('checkout')) {
      timedBuild(content, out, site);
      checkOut(content);
      results.checkout.push(timedBuild(content, out, site));
    }
    if (kinds.includes('CI checkout')) {
      checkOut(content);
      rmSync(out, { recursive: true, force: true });
      results['CI checkout'].push(timedBuild(content, out, site));
    }
  }
  const pages = countPages(out);
  for (const [kind, list] of Object.entries(results)) {
    if (!kinds.includes(kind) || list.length === 0) continue;
    const wall = median(list.map((r) => r.wall));
    rows.push({ n, kind, wall, cpu: median(list.map((r) => r.cpu)), rss: median(list.map((r) => r.rssMb)), pages, perArticleMs: (wall * 1000) / n });
  }
  rmSync(content, { recursive: true, force: true });
  rmSync(site, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });

console.log(`\nBroadsheet build, ${runs} round(s), median; ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; outputs ${JSON.stringify(outputs)}\n`);
console.log('| articles | build | wall s | cpu s | peak RSS MB | pages | wall ms / article |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${r.kind} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} | ${Math.round(r.rss)} | ${r.pages} | ${r.perArticleMs.toFixed(3)} |`);
}

if (args.includes('--all')) {
  for (const part of ['render.mjs', 'dev-incremental.mjs']) {
    const file = path.join(project, 'bench', part);
    if (existsSync(file)) spawnSync(process.execPath, [file], { cwd: project, stdio: 'inherit' });
  }
}
