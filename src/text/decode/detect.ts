import type Chardet from 'chardet';
import { lazyPackage } from '../../lazy-package.js';
import { canonicalEncoding } from './encoding-name.js';

// Loaded on the first file that is not valid UTF-8: a site of UTF-8 sources never needs it (8 ms in each thread).
const chardet = lazyPackage<typeof Chardet>('chardet');

/** Statistics beyond this many bytes do not change chardet's answer, only its time. */
const sampleBytes = 64 * 1024;

/** chardet's confidence (0..1) per canonical encoding name, best first; encodings it did not name are absent. */
export function detectorScores(bytes: Uint8Array): ReadonlyMap<string, number> {
  const sample = bytes.length > sampleBytes ? bytes.subarray(0, sampleBytes) : bytes;
  const scores = new Map<string, number>();
  for (const match of chardet().analyse(sample)) {
    const name = canonicalEncoding(match.name);
    if (!scores.has(name)) scores.set(name, match.confidence / 100);
  }
  return scores;
}
