/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, hasChromium, openSampleSiteSession, skipWithout, type SampleSiteSession } from '../helpers/browser.js';

const skip = skipWithout(hasChromium, `Chromium (${chromiumPath})`, 'apt-get install -y chromium');
const canteenTitle = '舜耕街道第三家社区长者食堂开门迎客';

describe.skipIf(skip)('the search page over the site\'s own index, in Chromium', () => {
  let session: SampleSiteSession;
  let context: BrowserContext;
  let origin: string;

  beforeAll(async () => {
    session = await openSampleSiteSession();
    ({ context, origin } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  async function search(query: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('[data-search-status]').filter({ hasText: /找到|没有找到/ }).waitFor();
    return page;
  }

  const titles = (page: Page) => page.locator('[data-search-results] .article-list__title').allTextContents();

  it.each([
    ['a Traditional query', '長者食堂'],
    ['a Simplified query', '长者食堂'],
    ['two words, both required', '舜耕 食堂'],
  ])('finds the Simplified article for %s (%s), the match marked', async (_, query) => {
    const page = await search(query);
    expect(await titles(page)).toEqual([canteenTitle]);
    await expect(page.locator('[data-search-status]').textContent()).resolves.toBe(`找到 1 篇与“${query}”相关的文章。`);
    expect((await page.locator('[data-search-results] mark').allTextContents()).length).toBeGreaterThan(0);
    await page.close();
  });

  it('says so when nothing matches, and lists nothing', async () => {
    const page = await search('量子计算机');
    await expect(page.locator('[data-search-status]').textContent()).resolves.toBe('没有找到与“量子计算机”相关的文章。请换一个词语，或减少关键词。');
    expect(await titles(page)).toEqual([]);
    await page.close();
  });

  it('is used from the keyboard: type, Enter, Tab to the first result, Enter opens it', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/search/`);
    await expect(page.locator('[data-search-status]').textContent()).resolves.toBe('请输入要搜索的词语。');
    await page.getByRole('searchbox', { name: '搜索关键词' }).focus();
    await page.keyboard.type('长者食堂');
    await page.keyboard.press('Enter');
    await page.locator('[data-search-results] a').first().waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('长者食堂');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(canteenTitle);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/2023/**');
    await expect(page.locator('h1').textContent()).resolves.toBe(canteenTitle);
    await page.close();
  });

  it('made no request to another host, no failed request and no script error', () => {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
