#!/usr/bin/env node
// Times the render stage alone: N article pages of ~2,500 characters through the default theme,
// on one core (no workers). Run `npm run compile` first.  Usage: node bench/render.mjs [N]
import { performance } from 'node:perf_hooks';
import { siteConfigSchema } from '../lib/config/schema.js';
import { createRenderer, defaultThemeDir, renderArticlePage } from '../lib/render/index.js';

const n = Number(process.argv[2] ?? 10_000);
const paragraph = '历下区坚持以人民为中心的发展思想，扎实推进高质量发展，全区经济运行稳中有进、稳中向好。'.repeat(8);
const html = Array.from({ length: 10 }, (_, i) =>
  i % 4 === 3 ? `<h2 id="s${i}">第${i}部分</h2>` : `<p>${paragraph}</p>`).join('\n');

function date(i) {
  const d = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000 * 3);
  const pad = (x) => String(x).padStart(2, '0');
  const [year, month, day, hour] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours()];
  return { epochMs: d.getTime(), iso: `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:00:00+08:00`, year, month, day,
    hour, minute: 0, second: 0, weekday: d.getUTCDay(), hasTime: true };
}

const articles = Array.from({ length: n }, (_, i) => ({
  sourcePath: `content/a${i}.md`, format: 'markdown', slug: `a${i}`, url: `/articles/a${i}/`,
  title: `历下区召开第${i}次经济工作会议`, date: date(i), source: '济南日报', editor: '王芳', column: 'news',
  tags: ['经济'], summary: paragraph.slice(0, 120), draft: false, html,
  sections: [{ heading: '第3部分', id: 's3' }, { heading: '第7部分', id: 's7' }], charCount: 2500, readingMinutes: 5, extra: {},
})).reverse();
const neighbours = new Map(articles.map((a, i) => [a.url, { previous: articles[i + 1], next: articles[i - 1] }]));
const config = siteConfigSchema.parse({ title: '历下区人民政府', baseUrl: 'https://www.lixia.gov.cn',
  columns: [{ key: 'news', name: '区县动态' }], footer: { icp: '鲁ICP备05001234号' } });
const model = { config, articles, columns: [], tags: [], years: [], neighbours, now: date(n), includesDrafts: false };

const started = performance.now();
const renderer = createRenderer({ themeDirs: [defaultThemeDir()] });
const compiled = performance.now();
let bytes = 0;
for (const article of articles) bytes += renderArticlePage(article, model, renderer).contents.length;
const done = performance.now();
console.log(JSON.stringify({
  pages: n, chars_per_body: html.length, compile_ms: Math.round(compiled - started),
  render_ms: Math.round(done - compiled), per_page_ms: +((done - compiled) / n).toFixed(3),
  output_mb: +(bytes / 1e6).toFixed(1), heap_mb: Math.round(process.memoryUsage().heapUsed / 1e6),
}));
