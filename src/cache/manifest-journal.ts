import { closeSync, fdatasyncSync, openSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { encodePart, PartReader } from './manifest-parts.js';
import { writeAll } from './write-all.js';

/** A journal's values in order, and whether it ended cleanly (no part cut short or damaged). */
export interface JournalContents {
  readonly values: readonly unknown[];
  readonly intact: boolean;
}

/**
 * Append `value` to the journal `file` (made when missing) as one checksummed part, in one
 * append-mode write, then synced. A build killed or a machine stopped meanwhile leaves at worst a
 * torn last part, which `readJournal` ignores; two builds appending at once each land whole parts.
 * The number of bytes appended.
 */
export function appendJournal(file: string, value: unknown): number {
  const bytes = encodePart(serialize(value));
  const fd = openSync(file, 'a');
  try {
    writeAll(fd, bytes);
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return bytes.length;
}

/**
 * The values in the journal `file` (none when there is no journal), in the order they were
 * appended, up to the first part that is cut short, damaged or not a value: that part and every
 * one after it are left out (a later part may depend on the lost one), and `intact` is false.
 */
export function readJournal(file: string): JournalContents {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return { values: [], intact: (error as NodeJS.ErrnoException).code === 'ENOENT' };
  }
  const values: unknown[] = [];
  try {
    const reader = new PartReader(fd);
    while (!reader.atEnd) {
      const bytes = reader.part();
      // A zero length is no part of a journal: damage.
      if (!bytes) return { values, intact: false };
      values.push(deserialize(bytes));
    }
    return { values, intact: true };
  } catch {
    return { values, intact: false };
  } finally {
    closeSync(fd);
  }
}
