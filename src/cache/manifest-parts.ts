import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { writeAll } from './write-all.js';

// "BSM2", then parts (length, checksum, v8 bytes): the head, then entries a few hundred at a time
// (each part the codec's value for them), then a zero length and the entry count. "BSM1" held each
// part's entries as they were: a manifest of that format is no manifest.
const magic = 0x42534d32;
const checksumSize = 16;
// 256, not 512: the source manifest's codec puts a part's entries in one array of about 40 slots an
// entry, which at 512 entries passed V8's large-object size (128 kB), and every such array lived on,
// dead, until the next full collection (about 30 MB at 100,000 sources).
const entriesPerPart = 256;

/** How a part's entries become the one value v8 serializes for it, and back (in the same order). */
export interface PartCodec<Entry> {
  encode(entries: readonly (readonly [string, Entry])[]): unknown;
  /** Hand each entry of `part` to `add`, in order. */
  decode(part: unknown, add: (name: string, entry: Entry) => void): void;
}

/** Entries stored as they are: each part is the array of [name, entry] pairs. */
export const wholeEntries: PartCodec<never> = {
  encode: (entries) => entries,
  decode: (part, add) => {
    for (const [name, entry] of part as [string, never][]) add(name, entry);
  },
};

/**
 * A manifest being written a part at a time (each part serialized alone as its entries arrive:
 * memory holds one part, never the whole manifest) to a temporary name, synced and renamed by `finish`.
 */
export class ManifestWriter<Entry = unknown> {
  private batch: (readonly [string, Entry])[] = [];
  private count = 0;

  private constructor(
    private readonly file: string,
    private readonly temporary: string,
    private readonly fd: number,
    private readonly codec: PartCodec<Entry>,
  ) {}

  /** Start writing `file` (under a temporary name) with its head, each part's entries as `codec` encodes them. */
  static open<Entry = unknown>(file: string, head: unknown, codec: PartCodec<Entry> = wholeEntries): ManifestWriter<Entry> {
    const temporary = `${file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    const start = Buffer.alloc(4);
    start.writeUInt32BE(magic);
    writeAll(fd, start);
    writeAll(fd, encodePart(serialize(head)));
    return new ManifestWriter(file, temporary, fd, codec);
  }

  /** Add one entry (written with the next full part). */
  add(name: string, entry: Entry): void {
    this.batch.push([name, entry]);
    this.count++;
    if (this.batch.length >= entriesPerPart) this.flush();
  }

  /** Write the last part and the end marker, sync, and put the manifest in place. */
  finish(): void {
    this.flush();
    const end = Buffer.alloc(8);
    end.writeUInt32BE(this.count, 4);
    writeAll(this.fd, end);
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.temporary, this.file);
  }

  /** Drop the unfinished manifest. */
  abort(): void {
    closeSync(this.fd);
    rmSync(this.temporary, { force: true });
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    writeAll(this.fd, encodePart(serialize(this.codec.encode(this.batch))));
    this.batch = [];
  }
}

/** Thrown by `readManifestParts` when its caller asked it to stop: the load was no longer needed. */
export class LoadStopped extends Error {
  constructor() {
    super('the manifest load was stopped');
  }
}

/**
 * The head and entries of a manifest written by `ManifestWriter` with `codec`; throws when the file
 * is missing, cut short or damaged, and `LoadStopped` as soon as `stop` (asked between parts) says so.
 */
export function readManifestParts<Head, Entry>(file: string, codec: PartCodec<Entry> = wholeEntries, stop?: () => boolean): { readonly head: Head; readonly entries: Map<string, Entry> } {
  const fd = openSync(file, 'r');
  try {
    const reader = new PartReader(fd);
    if (reader.bytes(4).readUInt32BE() !== magic) throw new Error('not a source manifest');
    const head = deserialize(reader.part() ?? Buffer.alloc(0)) as Head;
    const entries = new Map<string, Entry>();
    const add = (name: string, entry: Entry): void => void entries.set(name, entry);
    for (let bytes = reader.part(); bytes; bytes = reader.part()) {
      if (stop?.()) throw new LoadStopped();
      codec.decode(deserialize(bytes), add);
    }
    if (reader.bytes(4).readUInt32BE() !== entries.size) throw new Error('the source manifest is cut short');
    return { head, entries };
  } finally {
    closeSync(fd);
  }
}

/** One part as it lies in a manifest or journal: its length, a truncated sha-256 of its bytes, the bytes. */
export function encodePart(bytes: Buffer): Buffer {
  const header = Buffer.alloc(4 + checksumSize);
  header.writeUInt32BE(bytes.length);
  checksumOf(bytes).copy(header, 4);
  return Buffer.concat([header, bytes]);
}

function checksumOf(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest().subarray(0, checksumSize);
}

/** Parts read one at a time from an open file, each checked: a part cut short or damaged throws. */
export class PartReader {
  private position = 0;
  private readonly size: number;

  constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
  }

  /** Whether every byte of the file has been read. */
  get atEnd(): boolean {
    return this.position >= this.size;
  }

  /** The next part's bytes, checked; undefined at the end marker. */
  part(): Buffer | undefined {
    const length = this.bytes(4).readUInt32BE();
    if (length === 0) return undefined;
    const checksum = this.bytes(checksumSize);
    const bytes = this.bytes(length);
    if (!checksumOf(bytes).equals(checksum)) throw new Error('a part of the source manifest is damaged');
    return bytes;
  }

  /** The next `length` bytes. */
  bytes(length: number): Buffer {
    // A damaged length must not make us allocate gigabytes.
    if (this.position + length > this.size) throw new Error('the source manifest is cut short');
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const read = readSync(this.fd, bytes, done, length - done, this.position + done);
      if (read === 0) throw new Error('the source manifest is cut short');
      done += read;
    }
    this.position += length;
    return bytes;
  }
}
