import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FindResult } from '../source/find.js';
import type { SourceOutcome } from './source-pipeline.js';
import type { SourceStamps } from './source-stats.js';

/** A site's analysis as the build that sealed it reported it: everything an up-to-date build prints. */
export interface KeptAnalysis {
  /** The seal of what the analysis read (`analysisSeal`). */
  readonly seal: string;
  /** The digest of the model's articles by identity (`articlesDigest`), which the output record's inputs hold. */
  readonly articles: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: number;
  readonly articleCount: number;
  readonly drafts: number;
  readonly future: number;
  readonly repairs: number;
  readonly firstFutureMs?: number;
  /** Each source's outcome without its article, as the summary reads it (encoding and repairs). */
  readonly outcomes: readonly Omit<SourceOutcome, 'article'>[];
}

/** What an analysis is made from besides its sources: the tool, the config, the content folder's name and the build's options. */
export type AnalysisSalt = string;

/**
 * The seal of an analysis: a digest of its salt, of what the walk of the content folder found
 * (every file, in order, and every problem it reported), and of each file's stamp. Undefined when a
 * file has no stamp, or, given the clock (`readStartNs`) of the build whose reads it describes, when
 * a file was modified in or after the clock tick that build began reading in: a later edit in that
 * same tick would keep the stamp (git's racy rule), so such an analysis is never sealed.
 */
export function analysisSeal(salt: AnalysisSalt, found: FindResult, stamps: SourceStamps, readStartNs?: bigint): string | undefined {
  // Typed arrays and joined strings, hashed whole: a line a file cost ten times as long at 100,000 sources.
  const numbers = new BigUint64Array(found.files.length * 4);
  for (const [i, file] of found.files.entries()) {
    const stamp = stamps.get(file.absolutePath);
    if (stamp === undefined) return undefined;
    if (readStartNs !== undefined && stamp.mtimeNs >= readStartNs) return undefined;
    numbers.set([stamp.ino, stamp.size, stamp.mtimeNs, stamp.ctimeNs], i * 4);
  }
  return createHash('sha256')
    .update(`broadsheet analysis 2\n${salt}\n${JSON.stringify(found.diagnostics)}\n`)
    .update(found.files.map((f) => `${f.absolutePath}\0${f.contentPath}`).join('\0'))
    .update(new Uint8Array(numbers.buffer))
    .digest('base64url');
}

const fileName = 'analysis.bin';
const magic = 'BSA1';

// The file: one line `BSA1 <seal> <sha-256 of the payload>`, then the payload (v8). Rows of sources
// share their shape (encoding, how it was decided, confidence) and the empty lists: 100,000 sources
// decode in tens of milliseconds, where as many objects of their own took half a second.
interface Payload {
  readonly head: Omit<KeptAnalysis, 'seal' | 'outcomes'>;
  /** Every source's path, joined by NUL (which no file name holds). */
  readonly paths: string;
  readonly shapes: readonly (readonly [string | undefined, string | undefined, number | undefined])[];
  readonly shapeOf: Uint32Array;
  /** By index, the repairs and diagnostics of the sources that have any. */
  readonly notes: readonly (readonly [number, SourceOutcome['repairs'], SourceOutcome['diagnostics']])[];
}

/**
 * The kept analysis in `cacheDir` when its seal is `seal`, else undefined (none, another seal, or a
 * file cut short or damaged: its checksum fails).
 */
export function readKeptAnalysis(cacheDir: string, seal: string): KeptAnalysis | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(cacheDir, fileName));
  } catch {
    return undefined;
  }
  const end = bytes.indexOf(10);
  const [tag, kept, checksum] = end < 0 ? [] : bytes.subarray(0, end).toString('latin1').split(' ');
  if (tag !== magic || kept !== seal) return undefined;
  const payload = bytes.subarray(end + 1);
  if (createHash('sha256').update(payload).digest('base64url') !== checksum) return undefined;
  try {
    return { seal, ...decodeOutcomes(deserialize(payload) as Payload) };
  } catch {
    return undefined;
  }
}

/** The seal of the kept analysis in `cacheDir`, read from its first line only; undefined when there is none. */
export function keptSeal(cacheDir: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path.join(cacheDir, fileName), 'r');
    const head = Buffer.alloc(128);
    const line = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('latin1').split('\n')[0] ?? '';
    const [tag, seal] = line.split(' ');
    return tag === magic ? seal : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Keep `analysis` in `cacheDir` unless a sound one with its seal is kept already: under a temporary
 * name, then renamed, and checksummed, so a reader sees the old file, the new one, or one it refuses.
 */
export function keepAnalysis(cacheDir: string, analysis: KeptAnalysis): void {
  if (keptSeal(cacheDir) === analysis.seal && readKeptAnalysis(cacheDir, analysis.seal)) return;
  const payload = serialize(encodeOutcomes(analysis));
  const checksum = createHash('sha256').update(payload).digest('base64url');
  const file = path.join(cacheDir, fileName);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([Buffer.from(`${magic} ${analysis.seal} ${checksum}\n`, 'latin1'), payload]));
  renameSync(temporary, file);
}

function encodeOutcomes({ seal: _seal, outcomes, ...head }: KeptAnalysis): Payload {
  const shapes: [string | undefined, string | undefined, number | undefined][] = [];
  const shapeIndex = new Map<string, number>();
  const shapeOf = new Uint32Array(outcomes.length);
  const notes: [number, SourceOutcome['repairs'], SourceOutcome['diagnostics']][] = [];
  outcomes.forEach((outcome, i) => {
    const shape: [string | undefined, string | undefined, number | undefined] = [outcome.encoding, outcome.decidedBy, outcome.confidence];
    const name = `${shape[0]}\0${shape[1]}\0${shape[2]}`;
    let index = shapeIndex.get(name);
    if (index === undefined) {
      index = shapes.push(shape) - 1;
      shapeIndex.set(name, index);
    }
    shapeOf[i] = index;
    if (outcome.repairs.length > 0 || outcome.diagnostics.length > 0) notes.push([i, outcome.repairs, outcome.diagnostics]);
  });
  return { head, paths: outcomes.map((o) => o.path).join('\0'), shapes, shapeOf, notes };
}

const none: readonly never[] = Object.freeze([]);

function decodeOutcomes({ head, paths, shapes, shapeOf, notes }: Payload): Omit<KeptAnalysis, 'seal'> {
  const noted = new Map(notes.map(([i, repairs, diagnostics]) => [i, { repairs, diagnostics }]));
  const names = paths === '' ? [] : paths.split('\0');
  if (names.length !== shapeOf.length) throw new Error('kept analysis: the paths and the shapes disagree');
  const outcomes = names.map((name, i): Omit<SourceOutcome, 'article'> => {
    const [encoding, decidedBy, confidence] = shapes[shapeOf[i] ?? -1] ?? [];
    const { repairs, diagnostics } = noted.get(i) ?? { repairs: none, diagnostics: none };
    return {
      path: name,
      ...(encoding !== undefined && { encoding }),
      ...(decidedBy !== undefined && { decidedBy: decidedBy as NonNullable<SourceOutcome['decidedBy']> }),
      ...(confidence !== undefined && { confidence }),
      repairs,
      diagnostics,
    };
  });
  return { ...head, outcomes };
}
