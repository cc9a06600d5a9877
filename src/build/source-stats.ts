import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SourceStamp } from './source-manifest.js';
import { workerResourceLimits } from './worker-limits.js';

/**
 * By absolute path, each source's stamp, or undefined when it is gone; a file missing from the map
 * could not be stat'ed for another reason, and is stat'ed again where it is needed (which reports it).
 */
export type SourceStamps = ReadonlyMap<string, SourceStamp | undefined>;

/** What a file's stat gave, one byte per file (`statAll`). */
const ok = 0;
const gone = 1;
const failed = 2;

/** The stats of `files`, in order: four numbers per file (inode, size, mtime and ctime in ns), and one status byte. */
export interface StatReply {
  readonly numbers: BigUint64Array;
  readonly status: Uint8Array;
}

/** Stat every file, one synchronous stat after another (about 4 µs each, where a promise per file cost 15–20 µs). */
export function statAll(files: readonly string[]): StatReply {
  const numbers = new BigUint64Array(files.length * 4);
  const status = new Uint8Array(files.length);
  files.forEach((file, i) => {
    try {
      const info = statSync(file, { bigint: true, throwIfNoEntry: false });
      if (info === undefined) status[i] = gone;
      else numbers.set([info.ino, info.size, info.mtimeNs, info.ctimeNs], i * 4);
    } catch (error) {
      // A path through a file (ENOTDIR) is gone as well; anything else is for the build to report.
      status[i] = (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? gone : failed;
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

/** The stamps of `files`, taken on a thread started now; an empty map when the thread fails (then each file is stat'ed where it is needed). */
export async function statOnThread(files: readonly string[]): Promise<SourceStamps> {
  try {
    const reply = await new Promise<StatReply | undefined>((resolve, reject) => {
      const thread = new Worker(threadUrl, { workerData: files, resourceLimits: workerResourceLimits });
      thread.once('message', resolve);
      thread.once('error', reject);
      thread.once('exit', () => resolve(undefined));
    });
    return reply ? stampsOf(files, reply) : new Map();
  } catch {
    return new Map();
  }
}
