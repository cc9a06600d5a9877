import type CliProgress from 'cli-progress';
import { lazyPackage } from '../lazy-package.js';

// Loaded only for a terminal (its 20 modules took 15 ms, on every build in CI too).
const cliProgressLib = lazyPackage<typeof CliProgress>('cli-progress');

/** A progress callback and a way to stop it. */
export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

/** A progress bar on stderr when it is a terminal; nothing otherwise (CI logs stay clean). */
export function createProgress(enabled: boolean, label: string): Progress {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const cliProgress = cliProgressLib();
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
