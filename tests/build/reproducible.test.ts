import { cpSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSite, type TempSite } from '../helpers/site.js';
import { hashTree, projectRoot, runCli } from '../helpers/tree.js';

const sites: TempSite[] = [];
afterAll(() => sites.forEach((s) => s.dispose()));

/** A fresh copy of the sample site (Markdown, a GB18030 legacy export, its own templates and public/). */
function sampleSite(): string {
  const site = makeSite({});
  sites.push(site);
  for (const part of ['content', 'templates', 'public', 'site.config.json']) {
    const from = path.join(projectRoot, part);
    if (existsSync(from)) cpSync(from, path.join(site.root, part), { recursive: true });
  }
  return site.root;
}

/** Build with the real CLI and return the output tree's hashes. */
function builtTree(root: string, env: Readonly<Record<string, string>> = {}): Map<string, string> {
  const run = runCli(['build'], root, env);
  expect(run.status, run.stderr).toBe(0);
  return hashTree(path.join(root, 'dist'));
}

/** Everything a build reads and must never change. */
function inputs(root: string): Map<string, string> {
  return new Map([...hashTree(path.join(root, 'content')), ...hashTree(path.join(root, 'templates'))].map(([k, v]) => [k, v]));
}

describe('reproducible builds', () => {
  it('two builds of the same input, in two different folders, are byte-identical', () => {
    const first = builtTree(sampleSite());
    expect(first.size).toBeGreaterThan(20);
    expect(builtTree(sampleSite())).toEqual(first);
  });

  it('the same build under TZ=UTC and TZ=Asia/Shanghai is byte-identical', () => {
    const utc = builtTree(sampleSite(), { TZ: 'UTC' });
    expect(builtTree(sampleSite(), { TZ: 'Asia/Shanghai' })).toEqual(utc);
    expect(builtTree(sampleSite(), { TZ: 'America/Los_Angeles' })).toEqual(utc);
  });
});

describe('the build never writes to its inputs', () => {
  it('content/ and templates/ are byte-identical after a good build and after a failed one', () => {
    const root = sampleSite();
    const before = inputs(root);
    builtTree(root);
    expect(inputs(root)).toEqual(before);
    writeFileSync(path.join(root, 'content/broken.md'), '---\ntitle: 坏\n');
    const withBroken = inputs(root);
    expect(runCli(['build'], root).status).toBe(1);
    expect(inputs(root)).toEqual(withBroken);
  });
});
