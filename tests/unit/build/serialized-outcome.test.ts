import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { payloadChecksum } from '../../../src/cache/pack-record.js';
import { attachSerialized, deserializeBatch, releaseSerialized, serializeBatch, serializedOf } from '../../../src/build/serialized-outcome.js';
import type { SourceOutcome } from '../../../src/build/source-pipeline.js';

function outcome(i: number): SourceOutcome {
  const article = { html: `<p>第${i}篇正文</p>`, text: `第${i}篇正文`, title: `标题${i}`, tags: ['经济', '民生'] };
  return { path: `content/a${i}.md`, repairs: [], diagnostics: [], article: article as unknown as NonNullable<SourceOutcome['article']> };
}

describe('serialized batches', () => {
  const outcomes = [outcome(1), outcome(2), { path: 'content/bad.md', repairs: [], diagnostics: [] }, outcome(4)];
  // What a worker thread posts: structured cloning turns the Buffer into a plain Uint8Array.
  const batch = structuredClone(serializeBatch(outcomes));
  const back = deserializeBatch(batch);

  it('give back every outcome in order', () => {
    expect(back).toEqual(outcomes);
  });

  it.each([0, 1, 2, 3])('remember outcome %i with the bytes it came from and their checksum', (i) => {
    const made = serializedOf(back[i] as SourceOutcome);
    expect(deserialize(made?.bytes ?? Buffer.alloc(0))).toEqual(outcomes[i]);
    expect(Buffer.from(made?.checksum ?? [])).toEqual(payloadChecksum(made?.bytes ?? Buffer.alloc(0)));
  });

  it('know nothing of an outcome made in this thread', () => {
    expect(serializedOf(outcome(5))).toBeUndefined();
  });

  it('give outcomes that came apart (bodies elsewhere) the bytes of the whole ones, in order', () => {
    const light = outcomes.map((o) => (o.article ? { ...o, article: { ...o.article, html: '', text: '' } } : { ...o }));
    attachSerialized(light, structuredClone(serializeBatch(outcomes)));
    expect(light.map((o) => deserialize(serializedOf(o)?.bytes ?? Buffer.alloc(0)))).toEqual(outcomes);
  });

  it('forget the bytes once released, and give back the one buffer of the batch', () => {
    const again = deserializeBatch(structuredClone(serializeBatch(outcomes)));
    const buffers = releaseSerialized(again);
    expect(buffers).toHaveLength(1);
    expect(buffers[0]?.byteLength).toBeGreaterThan(0);
    expect(again.map((o) => serializedOf(o))).toEqual([undefined, undefined, undefined, undefined]);
    expect(releaseSerialized(again)).toEqual([]);
  });

  it('join a batch into memory of its own, never a slice of the shared Buffer pool, so it can be handed to another thread', () => {
    const small = serializeBatch([{ path: 'content/x.md', repairs: [], diagnostics: [] }]);
    expect(small.bytes.byteLength).toBeLessThan(Buffer.poolSize / 2);
    expect(small.bytes.buffer.byteLength).toBe(small.bytes.byteLength);
  });
});
