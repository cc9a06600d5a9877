import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces, writeJsonFile } from '../../../src/cache/json-file.js';

describe('writeJsonFile', () => {
  it('writes the text JSON.stringify gives, for a manifest of more than a megabyte', async () => {
    const pages: Record<string, readonly [string, string]> = {};
    for (let i = 0; i < 20_000; i++) pages[`/articles/a${i}/`] = [`@key:${i.toString(36).repeat(8)}`, `${i}:16022:1795929468955736136`];
    const manifest = { outDir: '/srv/站点/dist', dir: '1:2:3', pages, files: Object.keys(pages).map((url) => `${url.slice(1)}index.html`), units: { '0': ['k', []] }, others: undefined };
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'json-file-')), 'pages.json');
    await writeJsonFile(file, manifest);
    const text = readFileSync(file, 'utf8');
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(text).toBe(JSON.stringify(manifest));
  });

  it('gives JSON.stringify\'s text for any JSON value, with members JSON leaves out or writes as null', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant(() => 1), fc.constant(new Date(0)), fc.constant({ toJSON: () => undefined })),
      node: fc.oneof(fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('any'), { maxKeys: 4 })),
      any: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('node')),
    })).any;
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), (json, depth) => {
        expect([...jsonPieces(json, depth)].join('')).toBe(JSON.stringify(json) ?? '');
      }),
      { numRuns: 2_000 },
    );
  });
});
