import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DevSession } from '../../src/dev/start-dev.js';
import { get, listen, problems, reloads, startTestServer, untilWatching, type EventLog } from '../helpers/dev-server.js';
import { article, buildInMemory, makeSite, siteConfig, type TempSite } from '../helpers/site.js';

const budget = (title: string, body: string) =>
  article({ title, date: '2024-01-05 09:00', column: 'news', tags: '[财政]' }, body);

describe('broadsheet dev server', () => {
  let site: TempSite;
  let session: DevSession;
  let log: EventLog;
  const url = (p: string) => new URL(p, session.url).href;
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(site.root, rel)), { recursive: true });
    writeFileSync(path.join(site.root, rel), text);
  };
  /** Write a file and wait until the rebuild it causes has been announced. */
  async function save(rel: string, text: string | undefined): Promise<number> {
    const from = log.events.length;
    if (text === undefined) rmSync(path.join(site.root, rel));
    else write(rel, text);
    await log.next(problems, from);
    return from;
  }

  beforeEach(async () => {
    site = makeSite(
      {
        'content/budget.md': budget('区财政预算公布', '今年预算总额为十亿元。'),
        'content/school.md': article({ title: '新学校开学', date: '2024-01-03 08:00', column: 'news' }, '新学校九月开学。'),
        'public/watch-probe.txt': 'probe\n',
        'content/draft-plan.md': article({ title: '规划草案', date: '2024-01-02 08:00', draft: 'true' }, '征求意见稿。'),
      },
      siteConfig({ permalink: '/articles/:slug/' }),
    );
    session = await startTestServer(site.root);
    log = await listen(session.url);
    await untilWatching(site.root, log);
  });

  afterEach(async () => {
    log.close();
    await session.close();
    site.dispose();
  });

  it('serves pages from memory with clean URLs, content types, a 404 page and the dev script', async () => {
    const page = await get(url('/articles/budget/'));
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(load(page.text)('h1.article-title').text()).toBe('区财政预算公布');
    expect(page.text).toContain('<script src="/__broadsheet/live-reload.js" defer></script>\n</head>');
    expect(await get(url('/articles/budget'))).toMatchObject({ status: 301, location: '/articles/budget/' });
    expect((await get(url('/articles/budget/index.html'))).status).toBe(200);
    expect((await get(url('/assets/site.css'))).type).toBe('text/css; charset=utf-8');
    const missing = await get(url('/articles/nothing-here/'));
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('没有这个页面：/articles/nothing-here/');
    expect((await get(url('/__broadsheet/live-reload.js'))).text).toContain("new EventSource('/__broadsheet/events')");
  });

  it('shows drafts, marked as drafts', async () => {
    const $ = load((await get(url('/articles/draft-plan/'))).text);
    expect($('.draft-badge').text()).toBe('草稿');
  });

  it('serves the changed text after a save, and reloads the page and the listings that show it', async () => {
    await get(url('/articles/budget/'));
    await get(url('/'));
    const from = await save('content/budget.md', budget('区财政预算调整', '今年预算总额调整为十二亿元。'));
    const reload = await log.next((e) => e.event === 'reload', from);
    expect(reload.data).toEqual({ urls: expect.arrayContaining(['/', '/articles/budget/']) });
    const $ = load((await get(url('/articles/budget/'))).text);
    expect($('h1.article-title').text()).toBe('区财政预算调整');
    expect($('.article-body').text()).toContain('今年预算总额调整为十二亿元。');
    expect(load((await get(url('/'))).text)('.article-list__title').first().text()).toBe('区财政预算调整');
  });

  it('adds the page of a new article and lists it on the index', async () => {
    await get(url('/'));
    const from = await save('content/bridge.md', article({ title: '跨江大桥通车', date: '2024-01-08 10:00' }, '大桥今日通车。'));
    await log.next(reloads('/articles/bridge/'), from);
    const $ = load((await get(url('/articles/bridge/'))).text);
    expect($('h1.article-title').text()).toBe('跨江大桥通车');
    const titles = load((await get(url('/'))).text)('.article-list__title').map((_, a) => load(a).text()).get();
    expect(titles[0]).toBe('跨江大桥通车');
  });

  it('answers 404 for a deleted article and drops it from the index', async () => {
    await get(url('/articles/school/'));
    await get(url('/'));
    const from = await save('content/school.md', undefined);
    await log.next(reloads('/articles/school/'), from);
    expect((await get(url('/articles/school/'))).status).toBe(404);
    expect((await get(url('/'))).text).not.toContain('新学校开学');
  });

  it('keeps the last good page on a broken save, reports file:line:column, and recovers on the next good save', async () => {
    await get(url('/articles/budget/'));
    await get(url('/'));
    const from = await save('content/budget.md', '---\ntitle: 区财政预算公布\ndate: 2024-13-45\n---\n\n正文。\n');
    const problem = await log.next(problems, from);
    expect((problem.data as { errors: string[] }).errors).toEqual([expect.stringMatching(/^content\/budget\.md:3:\d+: error: .*date/)]);
    expect(log.events.slice(from).filter((e) => e.event === 'reload')).toEqual([]);
    expect(load((await get(url('/articles/budget/'))).text)('h1.article-title').text()).toBe('区财政预算公布');
    const fixed = await save('content/budget.md', budget('区财政预算公布', '修正后的正文。'));
    expect(log.events.slice(fixed).find(problems)?.data).toEqual({ errors: [] });
    expect((await get(url('/articles/budget/'))).text).toContain('修正后的正文。');
  });

  it('sends one reload per save', async () => {
    await get(url('/articles/budget/'));
    await get(url('/articles/school/'));
    const from = log.events.length;
    for (const n of ['一', '二', '三']) await save('content/budget.md', budget('区财政预算公布', `第${n}次修改。`));
    const reloadsSeen = log.events.slice(from).filter((e) => e.event === 'reload');
    expect(reloadsSeen.map((e) => e.data)).toEqual([
      { urls: ['/articles/budget/'] },
      { urls: ['/articles/budget/'] },
      { urls: ['/articles/budget/'] },
    ]);
  });

  it('re-renders the pages of a changed template', async () => {
    await get(url('/articles/budget/'));
    await get(url('/'));
    const from = await save('templates/article.njk', '{% extends "base.njk" %}{% block main %}<h1 class="custom">{{ article.title }}</h1>{% endblock %}');
    const reload = await log.next((e) => e.event === 'reload', from);
    expect(reload.data).toEqual({ urls: ['/articles/budget/'] });
    expect(load((await get(url('/articles/budget/'))).text)('h1.custom').text()).toBe('区财政预算公布');
  });
});

describe('broadsheet build output', () => {
  it('contains no dev script', async () => {
    const site = makeSite({ 'content/budget.md': budget('区财政预算公布', '正文。') });
    try {
      const { result, writer } = await buildInMemory(site.root);
      expect(result.ok).toBe(true);
      const texts = [...writer.pages.keys()].map((p) => writer.text(p));
      expect(texts.length).toBeGreaterThan(5);
      expect(texts.filter((t) => t.includes('__broadsheet') || t.includes('EventSource'))).toEqual([]);
    } finally {
      site.dispose();
    }
  });
});
