import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { articleJob, jobContext } from '../../../src/build/article-job.js';
import { BodyStore } from '../../../src/build/body-store.js';
import type { Article } from '../../../src/content/types.js';
import type { SiteView } from '../../../src/render/site-view.js';

// A render thread gets each job through structured cloning: the bodies must come back from the
// store there, every other field as it was, and nothing but the job may cross.
function plain(url: string, html: string): Article {
  return { sourcePath: `content${url}.md`, url, title: `标题${url}`, html, text: html.replace(/<[^>]+>/g, ''), tags: ['经济'], date: { year: 2024, iso: '2024-01-01T09:00:00+08:00' } } as unknown as Article;
}

function stored(store: BodyStore, url: string, html: string): Article {
  const article = plain(url, html);
  const [kept] = store.spill([{ path: article.sourcePath, article: article as unknown as Article, repairs: [], diagnostics: [] }]);
  if (!kept?.article) throw new Error('no article kept');
  return kept.article;
}

const site = { title: '测试新闻网' } as unknown as SiteView;
const page = { url: '/b/', canonicalUrl: 'https://example.cn/b/' };

describe('articleJob and jobContext', () => {
  it.each([
    ['stored bodies', true],
    ['bodies held by the articles', false],
  ])('give the render thread the context the main thread made, with %s', (_, inStore) => {
    const store = BodyStore.open();
    const make = (url: string, html: string) => (inStore ? stored(store, url, html) : plain(url, html));
    const article = make('/b', '<p>历下区召开会议。</p>\n');
    const previous = make('/a', '<p>𠮷野家 & “引号”</p>\n');
    const context = { article, head: { description: '摘要' }, previous, next: undefined, site, page };
    const job = structuredClone(articleJob('/b/', 'content/b.md', context, { page: true, copy: false }));
    // A stored body (and plain text) stays in the store: the message holds where it is, not the text.
    expect(JSON.stringify(job).includes('历下区召开会议')).toBe(!inStore);
    expect(JSON.stringify(job)).not.toContain('测试新闻网');
    const revived = jobContext(job, site);
    expect(revived['site']).toBe(site);
    expect(revived['page']).toEqual(page);
    expect(revived['head']).toEqual({ description: '摘要' });
    expect({ ...(revived['article'] as object) }).toEqual({ ...article });
    expect(Object.keys(revived['article'] as object)).toEqual(Object.keys(article));
    expect((revived['previous'] as Article).html).toBe('<p>𠮷野家 & “引号”</p>\n');
    expect((revived['previous'] as Article).text).toBe('𠮷野家 & “引号”\n');
    expect(revived['next']).toBeUndefined();
  });

  it('leaves the article objects of the main thread as they were', () => {
    const store = BodyStore.open();
    const article = stored(store, '/b', '<p>正文</p>');
    articleJob('/b/', 'content/b.md', { article, site, page }, { page: true, copy: true });
    expect(article.html).toBe('<p>正文</p>');
  });

  it('sends neighbouring pages\' shared articles once per message, each page still seeing its own bodies', () => {
    const store = BodyStore.open();
    const [a, b, c] = [stored(store, '/a', '<p>甲文</p>'), stored(store, '/b', '<p>乙文</p>'), stored(store, '/c', '<p>丙文</p>')];
    // Newest first: b's previous is c, its next a; a's previous is b.
    const jobB = articleJob('/b/', 'content/b.md', { article: b, previous: c, next: a, site, page }, { page: true, copy: false });
    const jobA = articleJob('/a/', 'content/a.md', { article: a, previous: b, next: undefined, site, page }, { page: true, copy: false });
    const alone = serialize([jobB]).length + serialize([jobA]).length;
    expect(serialize([jobB, jobA]).length).toBeLessThan(alone * 0.8);
    const [gotB, gotA] = structuredClone([jobB, jobA]);
    if (!gotB || !gotA) throw new Error('no jobs');
    // As a render thread does: one page's context at a time, the page's own body as a placeholder.
    const forB = jobContext(gotB, site, 'SLOT');
    expect([(forB['article'] as Article).html, (forB['previous'] as Article).html, (forB['next'] as Article).html]).toEqual(['SLOT', '<p>丙文</p>', '<p>甲文</p>']);
    const forA = jobContext(gotA, site, 'SLOT');
    expect([(forA['article'] as Article).html, (forA['previous'] as Article).html, (forA['previous'] as Article).text]).toEqual(['SLOT', '<p>乙文</p>', '乙文']);
    expect(forA['article']).toBe(forB['next']);
  });
});
