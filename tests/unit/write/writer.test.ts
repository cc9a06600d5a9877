import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInOutput, outputPathProblem } from '../../../src/write/writer.js';

describe('fileInOutput', () => {
  it.each(['index.html', 'articles/a000001/index.html', 'tags/经济/page/2/index.html', 'zh-hant/news/區縣動態/index.html', 'feed.xml'])(
    'names the same file as path.join for %s',
    (outputPath) => {
      expect(outputPathProblem(outputPath)).toBeUndefined();
      const outDir = path.resolve('/srv/site/dist');
      expect(fileInOutput(outDir, outputPath)).toBe(path.join(outDir, ...outputPath.split('/')));
    },
  );
});

describe('outputPathProblem', () => {
  it.each<[string, string | undefined]>([
    ['articles/a000001/index.html', undefined],
    ['a/.well-known/x', undefined],
    ['a/.../b', undefined],
    ['..a/b', undefined],
    ['a/b..', undefined],
    ['', 'is absolute or empty'],
    ['/etc/passwd', 'is absolute or empty'],
    ['C:/x', 'is absolute or empty'],
    ['a//b', 'leaves the output folder'],
    ['a/', 'leaves the output folder'],
    ['./a', 'leaves the output folder'],
    ['.', 'leaves the output folder'],
    ['..', 'leaves the output folder'],
    ['a/../b', 'leaves the output folder'],
    ['a/..', 'leaves the output folder'],
    ['a/./b', 'leaves the output folder'],
    ['a\\b', 'contains a control character or backslash'],
    ['a/\u0007b', 'contains a control character or backslash'],
  ])('%j: %s', (outputPath, problem) => {
    expect(outputPathProblem(outputPath)).toBe(problem);
  });
});
