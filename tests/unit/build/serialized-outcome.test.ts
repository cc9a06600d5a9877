import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { payloadChecksum } from '../../../src/cache/pack-record.js';
import { deserializeBatch, serializeBatch, serializedOf } from '../../../src/build/serialized-outcome.js';
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
});
