import { describe, expect, it } from 'vitest';
import { BodyStore } from '../../../src/build/body-store.js';
import { SharedValues } from '../../../src/build/shared-values.js';
import type { SourceOutcome } from '../../../src/build/source-pipeline.js';
import type { Article } from '../../../src/content/types.js';

// A fresh copy of each string, as structured cloning from a worker thread gives them.
const fresh = (s: string): string => [...s].join('');

function article(slug: string): Article {
  return {
    sourcePath: fresh(`content/${slug}.md`), format: fresh('markdown'), slug, url: `/articles/${slug}/`, title: fresh('区政府召开常务会议'),
    column: fresh('要闻'), source: fresh('南方时报'), editor: fresh('陈丽'), tags: [fresh('经济'), fresh('民生')], summary: fresh('会议研究部署。'),
    html: '<p>正文</p>', text: '正文', draft: false,
  } as unknown as Article;
}

describe('SharedValues', () => {
  it('leaves every article and outcome equal to what it was', () => {
    const shared = new SharedValues();
    const articles = [article('a1'), article('a2')];
    const before = structuredClone(articles);
    expect(articles.map((a) => shared.shareArticle(a))).toEqual(before);
    const outcome: SourceOutcome = { path: 'content/a1.md', encoding: fresh('gb18030'), decidedBy: 'detected', confidence: 0.9, repairs: [], diagnostics: [] };
    expect(shared.shareOutcome(outcome)).toEqual(outcome);
  });

  it.each(['format', 'column', 'source', 'editor'] as const)('gives every article the same copy of an equal %s', (field) => {
    const shared = new SharedValues();
    const [first, second] = [shared.shareArticle(article('a1')), shared.shareArticle(article('a2'))];
    expect(first[field]).toBe(shared.string(fresh(second[field] ?? '')));
    expect(second[field]).toBe(first[field]);
  });

  it('keeps the same article object, its tags shared, and a stored article\'s body readable', () => {
    const shared = new SharedValues();
    const [kept] = BodyStore.open().spill([{ path: 'content/a1.md', article: article('a1'), repairs: [], diagnostics: [] }]);
    const stored = kept?.article as Article;
    expect(shared.shareArticle(stored)).toBe(stored);
    expect(shared.shareArticle(article('a2')).tags[1]).toBe(stored.tags[1]);
    expect(stored.html).toBe('<p>正文</p>');
    expect(stored.column).toBe('要闻');
  });
});
