/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, hasChromium, openSampleSiteSession, projectRoot, skipWithout, type SampleSiteSession } from '../helpers/browser.js';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const screenshots = path.join(projectRoot, 'artifacts/screenshots');
const articleUrl = '/2023/12/shizhong-theme-education/';
const articleTitle = '市中区以更实更细举措扎实开展主题教育';
const skip = skipWithout(hasChromium, `Chromium (${chromiumPath})`, 'apt-get install -y chromium');

describe.skipIf(skip)('the sample site in Chromium', () => {
  let session: SampleSiteSession;
  let browser: Browser;
  let context: BrowserContext;
  let origin: string;

  beforeAll(async () => {
    session = await openSampleSiteSession();
    ({ browser, context, origin } = session);
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await session?.close();
  });

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(origin + url);
    return page;
  }

  it('opens the index and follows an article; every page has a lang', async () => {
    const page = await open('/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByRole('link', { name: articleTitle }).first().click();
    await page.waitForURL(`**${articleUrl}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(articleTitle);
    await expect(page.locator('nav.breadcrumb').textContent()).resolves.toContain('当前位置');
    await expect(page.locator('.article-neighbours').textContent()).resolves.toMatch(/上一篇：[\s\S]*下一篇：/);
    await page.close();
  });

  it('switches the font size and remembers it on the next page', async () => {
    const page = await open(articleUrl);
    const size = () => page.locator('#article-body p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const medium = await size();
    await page.getByRole('button', { name: '字号大' }).click();
    const large = await size();
    expect(large).toBeGreaterThan(medium);
    await page.goto(origin + '/2023/11/community-canteen/');
    expect(await size()).toBe(large);
    await expect(page.getByRole('button', { name: '字号大' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('button', { name: '字号小' }).click();
    expect(await size()).toBeLessThan(medium);
    await page.getByRole('button', { name: '字号中' }).click();
    await page.close();
  });

  it('switches to Traditional script and back to the same article', async () => {
    const page = await open(articleUrl);
    await page.getByRole('link', { name: '繁體' }).click();
    await page.waitForURL(`**/zh-hant${articleUrl}`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    await expect(page.locator('h1').textContent()).resolves.toBe('市中區以更實更細舉措紮實開展主題教育');
    const hreflangs = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((ls) => ls.map((l) => l.getAttribute('hreflang')));
    expect(hreflangs).toEqual(['zh-CN', 'zh-Hant']);
    // Links inside the mirror stay in the mirror.
    expect(await page.locator('.site-nav a').first().getAttribute('href')).toBe('/zh-hant/');
    await page.getByRole('link', { name: '简体' }).click();
    await page.waitForURL(`**${articleUrl}`);
    expect(new URL(page.url()).pathname).toBe(articleUrl);
    await page.close();
  });

  it('searches in Chinese from the header and opens the result', async () => {
    const page = await open('/');
    await page.getByRole('searchbox', { name: '搜索本站' }).fill('主题教育');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=*');
    const result = page.locator('[data-search-results] a').first();
    await result.waitFor();
    await expect(result.textContent()).resolves.toBe(articleTitle);
    await expect(page.locator('[data-search-status]').textContent()).resolves.toMatch(/找到 \d+ 篇/);
    await result.click();
    await page.waitForURL(`**${articleUrl}`);
    await page.close();
  });

  it('searches the Traditional mirror in Traditional script', async () => {
    const page = await open('/zh-hant/search/?q=' + encodeURIComponent('主題教育'));
    const result = page.locator('[data-search-results] a').first();
    await result.waitFor();
    await expect(result.getAttribute('href')).resolves.toBe(`/zh-hant${articleUrl}`);
    await page.close();
  });

  it('is operable from the keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到主要内容');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.close();
  });

  // Search results arrive after the page by nature; the pages people read must not jump.
  it.each([['/'], [articleUrl]])('does not shift its layout while %s loads', async (url) => {
    const page = await open(url);
    await page.waitForLoadState('load');
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries().reduce((sum, e) => sum + (e as unknown as { value: number }).value, 0))).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(0), 500);
        }),
    );
    expect(shift).toBeLessThan(0.01);
    await page.close();
  });

  it('prints the article without navigation, tools or footer links', async () => {
    const page = await open(articleUrl);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-nav', '.breadcrumb', '.font-size-control', '.friendly-links', '.article-neighbours', '.article-share', '.script-switch']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('#article-body').isVisible()).toBe(true);
    await page.close();
  });

  it('reads without JavaScript: the article is there and the font control stays hidden', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(origin + articleUrl);
    await expect(page.locator('h1').textContent()).resolves.toBe(articleTitle);
    expect(await page.locator('[data-font-size-control]').isVisible()).toBe(false);
    await page.goto(origin + '/search/');
    await expect(page.locator('[data-search-status]').textContent()).resolves.toContain('需要浏览器启用 JavaScript');
    await noScript.close();
  });

  it.each([
    ['index', '/'],
    ['article', articleUrl],
    ['column', '/columns/news/'],
    ['search', '/search/?q=' + encodeURIComponent('主题教育')],
    ['Traditional article', `/zh-hant${articleUrl}`],
  ])('has no axe-core violations on the %s page', async (_, url) => {
    // axe is injected as an inline script, which our own CSP rightly refuses: this context alone bypasses it.
    const axeContext = await browser.newContext({ bypassCSP: true });
    const page = await axeContext.newPage();
    await page.goto(origin + url);
    if (url.startsWith('/search/')) await page.locator('[data-search-results] a').first().waitFor();
    await page.addScriptTag({ path: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const result = await axe.run();
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
    expect(violations).toEqual([]);
    await axeContext.close();
  });

  it.each([
    ['desktop', 1280],
    ['phone', 390],
  ])('saves screenshots of the index and the article at %s width', async (name, width) => {
    const shots = await browser.newContext({ viewport: { width, height: width > 600 ? 900 : 844 }, deviceScaleFactor: 1 });
    const page = await shots.newPage();
    for (const [what, url] of [['index', '/'], ['article', articleUrl]] as const) {
      await page.goto(origin + url);
      const file = path.join(screenshots, `${what}-${name}.png`);
      const png = await page.screenshot({ path: file });
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // No horizontal scrolling at this width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await shots.close();
  });

  it('made no request to another host and met no script or CSP error', () => {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
