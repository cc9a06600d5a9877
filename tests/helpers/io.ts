import type { CliIo } from '../../src/cli/io.js';

/** A CliIo that records what a command prints; the build time is fixed at 2024-01-10 12:00 Shanghai. */
export function captureIo(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false, cwd, env: { SOURCE_DATE_EPOCH: '1704859200' }, stdout, stderr };
}
