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
