import { statSync, type BigIntStats } from 'node:fs';
import type { SourceStamp } from './source-manifest.js';
import type { FindResult } from '../source/find.js';
import { analysisSeal } from './kept-analysis.js';
import { threadAnswer } from './thread-answer.js';

/**
 * By absolute path, each source's stamp, or undefined when it is gone; a file missing from the map
 * could not be stat'ed for another reason, and is stat'ed again where it is needed (which reports it).
 */
export type SourceStamps = ReadonlyMap<string, SourceStamp | undefined>;

/** The stamp of a stat result. */
export function stampOf(info: BigIntStats): SourceStamp {
  return { ino: info.ino, size: info.size, mtimeNs: info.mtimeNs, ctimeNs: info.ctimeNs };
}

/**
 * A source's stamp now, or undefined when it is gone since it was found (the read reports it);
 * any other failure is thrown. Synchronous: about 4 µs a file here, where a promise per file on
 * the libuv pool cost the calling thread 15–20 µs.
 */
export function sourceStamp(file: string): SourceStamp | undefined {
  try {
    return stampOf(statSync(file, { bigint: true }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** What a file's stat gave, one byte per file (`statAll`). */
const ok = 0;
const gone = 1;
const failed = 2;

/** The stats of `files`, in order: four numbers per file (inode, size, mtime and ctime in ns), and one status byte. */
export interface StatReply {
  readonly numbers: BigUint64Array;
  readonly status: Uint8Array;
}

/** Each file's `sourceStamp`, one after another; a failure is noted, for the build to stat that file again and report it. */
export function statAll(files: readonly string[]): StatReply {
  const numbers = new BigUint64Array(files.length * 4);
  const status = new Uint8Array(files.length);
  files.forEach((file, i) => {
    try {
      const stamp = sourceStamp(file);
      if (stamp === undefined) status[i] = gone;
      else numbers.set([stamp.ino, stamp.size, stamp.mtimeNs, stamp.ctimeNs], i * 4);
    } catch {
      status[i] = failed;
    }
  });
  return { numbers, status };
}

/** The stamps `statAll` gave, by file. */
export function stampsOf(files: readonly string[], { numbers, status }: StatReply): SourceStamps {
  const stamps = new Map<string, SourceStamp | undefined>();
  files.forEach((file, i) => {
    if (status[i] === gone) stamps.set(file, undefined);
    else if (status[i] === ok) {
      const [ino = 0n, size = 0n, mtimeNs = 0n, ctimeNs = 0n] = numbers.subarray(i * 4, i * 4 + 4);
      stamps.set(file, { ino, size, mtimeNs, ctimeNs });
    }
  });
  return stamps;
}

const threadUrl = new URL('../../lib/build/source-stats-thread.js', import.meta.url);

/**
 * A kept analysis for the stats thread to check its seal against (`analysisSeal`), as soon as it has
 * the stamps and before it answers: it stores 1 (the same seal) or 2 (another) in `flag`, which the
 * main thread reads while it is busy loading the source manifest (`sameSealSaid`).
 */
export interface SealCheck {
  readonly salt: string;
  /** The kept analysis' seal. */
  readonly kept: string;
  /** What the walk of the content folder reported. */
  readonly diagnostics: FindResult['diagnostics'];
  /** Each found file's path in the content folder, in the order of the files to stat, joined by NUL (one string to copy, not an object a file). */
  readonly contentPaths: string;
  /** One Int32 of shared memory. */
  readonly flag: SharedArrayBuffer;
}

/** A check of the kept analysis sealed `kept` against the sources `found`, for `statOnThread`. */
export function sealCheck(found: FindResult, salt: string, kept: string): SealCheck {
  return { salt, kept, diagnostics: found.diagnostics, contentPaths: found.files.map((f) => f.contentPath).join('\0'), flag: new SharedArrayBuffer(4) };
}

/** Whether the stats thread said the sources have the kept analysis' seal (false: not yet, or another seal). */
export function sameSealSaid(check: SealCheck): boolean {
  return Atomics.load(new Int32Array(check.flag), 0) === 1;
}

/** What the thread is given: the files to stat, and the seal to check. */
export interface StatRequest {
  readonly files: readonly string[];
  readonly check?: SealCheck;
}

/** The thread's side of a `SealCheck`, once it has the stamps of `files`. */
export function answerSealCheck(check: SealCheck, files: readonly string[], stamps: SourceStamps): void {
  const contentPaths = check.contentPaths.split('\0');
  const found = { files: files.map((absolutePath, i) => ({ absolutePath, contentPath: contentPaths[i] ?? '' })), diagnostics: check.diagnostics };
  Atomics.store(new Int32Array(check.flag), 0, analysisSeal(check.salt, found, stamps) === check.kept ? 1 : 2);
}

/**
 * The stamps of `files`, taken on a thread started now; an empty map when the thread fails (then
 * each file is stat'ed where it is needed). With `check`, the thread also checks a kept analysis' seal.
 */
export async function statOnThread(files: readonly string[], check?: SealCheck): Promise<SourceStamps> {
  const request: StatRequest = { files, ...(check && { check }) };
  const reply = await threadAnswer<StatReply>(threadUrl, request);
  return reply ? stampsOf(files, reply) : new Map();
}
