import { writeSync } from 'node:fs';

/**
 * Write every byte of `bytes` to `fd`: at `position`, or at the file's current position (its end
 * for a file opened to append). One `writeSync` may write fewer bytes than asked; the rest follow.
 */
export function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done);
}
