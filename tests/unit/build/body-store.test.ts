import { describe, expect, it } from 'vitest';
import { BodyStore, BodyWriter, bodyRefOf, readBody, textRefOf } from '../../../src/build/body-store.js';
import type { SourceOutcome } from '../../../src/build/source-pipeline.js';
import type { Article } from '../../../src/content/types.js';

function outcome(path: string, html?: string): SourceOutcome {
  const text = html?.replace(/<[^>]+>/g, '');
  const article = html === undefined ? undefined : ({ sourcePath: path, title: '标题', html, text, tags: ['经济'] } as unknown as Article);
  return { path, ...(article && { article }), repairs: [], diagnostics: [] };
}

describe('BodyStore', () => {
  it('gives every article its own body back, the rest of the outcome unchanged', () => {
    const store = BodyStore.open();
    const first = [outcome('a.md', '<p>历下区召开会议。</p>\n'), outcome('broken.md'), outcome('b.md', '<p>𠮷野家 & “引号”</p>\n')];
    const second = [outcome('c.md', ''), outcome('d.md', `<p>${'长文'.repeat(5000)}</p>`)];
    const kept = [...store.spill(first), ...store.spill(second)];
    expect(kept.map((o) => o.article?.html)).toEqual([...first, ...second].map((o) => o.article?.html));
    expect(kept.map((o) => o.article?.text)).toEqual([...first, ...second].map((o) => o.article?.text));
    expect(kept[0]?.article).toEqual(first[0]?.article);
    expect(kept[1]).toBe(first[1]);
    // Read again, in another order: each body stays at its own place in the file.
    expect(kept[3]?.article?.html).toBe('');
    expect(kept[2]?.article?.html).toBe('<p>𠮷野家 & “引号”</p>\n');
    expect(kept[2]?.article?.text).toBe('𠮷野家 & “引号”\n');
  });

  it('reads a body longer than its read buffer, then shorter ones after it without the longer one\'s tail', () => {
    const store = BodyStore.open();
    const long = `<p>${'长文'.repeat(40000)}</p>`;
    const kept = store.spill([outcome('long.md', long), outcome('short.md', '<p>短</p>'), outcome('empty.md', '')]);
    expect(kept[0]?.article?.html).toBe(long);
    expect(kept[1]?.article?.html).toBe('<p>短</p>');
    expect(kept[2]?.article?.html).toBe('');
    expect(kept[0]?.article?.text).toBe('长文'.repeat(40000));
  });

  it('keeps every field in the article\'s own order, the bodies read again through a spread copy', () => {
    const store = BodyStore.open();
    const article = { sourcePath: 'a.md', slug: 'a', html: '<p>甲</p>', title: '标题', text: '甲', sections: [{ heading: '一', id: 'yi' }], draft: false };
    const [kept] = store.spill([{ path: 'a.md', article: article as unknown as Article, repairs: [], diagnostics: [] }]);
    expect(Object.keys(kept?.article ?? {})).toEqual(Object.keys(article));
    expect({ ...kept?.article }).toEqual(article);
    expect(JSON.stringify(kept?.article)).toBe(JSON.stringify(article));
  });

  it('tells a worker thread where each body and text lies, and nothing for an article it did not store', () => {
    const store = BodyStore.open();
    const kept = store.spill([outcome('a.md', '<p>第一篇</p>'), outcome('b.md', '<p>第二篇，更长一些</p>')]);
    const refs = kept.map((o) => bodyRefOf(o.article ?? {}));
    expect(refs.map((r) => r && readBody(r))).toEqual(['<p>第一篇</p>', '<p>第二篇，更长一些</p>']);
    expect(kept.map((o) => { const r = textRefOf(o.article ?? {}); return r && readBody(r); })).toEqual(['第一篇', '第二篇，更长一些']);
    expect(bodyRefOf(outcome('c.md', '<p>丙</p>').article ?? {})).toBeUndefined();
  });

  it('refuses to read a body through an object it did not make, instead of returning another article\'s', () => {
    const [kept] = BodyStore.open().spill([outcome('a.md', '<p>甲</p>')]);
    const derived = Object.create(kept?.article ?? null) as Article;
    expect(() => derived.html).toThrow(/Internal error/);
  });

  it('takes a thread\'s written bodies by place: the outcomes come back light, in field order, and read whole', () => {
    const store = BodyStore.open();
    const writer = new BodyWriter(store.fd);
    const made = [outcome('a.md', '<p>𠮷野家</p>\n'), outcome('broken.md'), outcome('c.md', ''), outcome('d.md', `<p>${'长文'.repeat(30000)}</p>`)];
    const first = writer.write(made.slice(0, 2));
    const second = writer.write(made.slice(2));
    // What crosses to the main thread holds no body, only empty strings where the bodies were.
    expect(first.outcomes[0]?.article?.html).toBe('');
    expect(first.outcomes[0]?.article?.text).toBe('');
    expect(Object.keys(first.outcomes[0]?.article ?? {})).toEqual(Object.keys(made[0]?.article ?? {}));
    expect(first.places[1]).toBeNull();
    const kept = [...store.stored(first.outcomes, first.places), ...store.stored(second.outcomes, second.places)];
    expect(kept.map((o) => o.article?.html)).toEqual(made.map((o) => o.article?.html));
    expect(kept.map((o) => o.article?.text)).toEqual(made.map((o) => o.article?.text));
    expect(kept[1]).toBe(first.outcomes[1]);
  });

  it('leaves an article already in a store where it is when a batch is spilled', () => {
    const store = BodyStore.open();
    const elsewhere = BodyStore.open();
    const written = new BodyWriter(elsewhere.fd).write([outcome('a.md', '<p>甲</p>')]);
    const [stored] = elsewhere.stored(written.outcomes, written.places);
    const [kept, fresh] = store.spill([stored ?? outcome('x.md'), outcome('b.md', '<p>乙</p>')]);
    expect(kept).toBe(stored);
    expect(kept?.article?.html).toBe('<p>甲</p>');
    expect(bodyRefOf(kept?.article ?? {})?.fd).toBe(elsewhere.fd);
    expect(fresh?.article?.html).toBe('<p>乙</p>');
    expect(bodyRefOf(fresh?.article ?? {})?.fd).toBe(store.fd);
  });
});
