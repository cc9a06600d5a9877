import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/**
 * Write every byte of `bytes` to `fd`: at `position`, or at the file's current position (its end
 * for a file opened to append). One `writeSync` may write fewer bytes than asked; the rest follow.
 */
export function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done);
}

/** Write `bytes` to `file` so that it is either absent or whole, even after a power cut: temporary name, synced, renamed. */
export function writeDurably(file: string, bytes: Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeAll(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}
