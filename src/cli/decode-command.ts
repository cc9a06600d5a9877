import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic, isContentError } from '../diagnostics/index.js';
import { decode, defaultCandidates, formatEncodingReport } from '../text/decode/index.js';
import type { DecodedSource } from '../text/types.js';
import type { CliIo } from './io.js';

/** Options of `broadsheet decode`. */
export interface DecodeCommandOptions {
  readonly format: 'text' | 'json';
  /** Folder to write UTF-8 copies into, keeping each file's path relative to the working directory. */
  readonly toUtf8?: string;
  readonly candidates?: readonly string[];
}

/** `broadsheet decode FILE...`: print each file's encoding, how it was decided and the confidence; exit 1 if any file is refused. */
export async function decodeCommand(files: readonly string[], options: DecodeCommandOptions, io: CliIo): Promise<number> {
  const decoded: DecodedSource[] = [];
  let failed = false;
  for (const file of files) {
    const result = await decodeFile(file, options, io);
    if (result) decoded.push(result);
    else failed = true;
  }
  if (options.format === 'json') {
    io.out(JSON.stringify(decoded.map(({ text: _text, ...rest }) => rest), null, 2));
  } else if (decoded.length > 0) {
    io.out(formatEncodingReport(decoded));
  }
  if (options.toUtf8 !== undefined) await writeCopies(decoded, path.resolve(io.cwd, options.toUtf8), io);
  return failed ? 1 : 0;
}

async function decodeFile(file: string, options: DecodeCommandOptions, io: CliIo): Promise<DecodedSource | undefined> {
  const shown = file.split(path.sep).join('/');
  try {
    const bytes = await readFile(path.resolve(io.cwd, file));
    return { path: shown, ...decode(bytes, { path: shown, candidates: options.candidates ?? defaultCandidates }) };
  } catch (error) {
    if (isContentError(error)) io.err(error.diagnostics.map(formatDiagnostic).join('\n'));
    else if (error instanceof Error && 'code' in error) io.err(`${shown}:1:1: error: cannot read the file: ${error.message} [decode/read-failed]`);
    else throw error;
    return undefined;
  }
}

/** Copies keep their relative path; a file outside the working directory is written under its base name. */
async function writeCopies(decoded: readonly DecodedSource[], dir: string, io: CliIo): Promise<void> {
  for (const source of decoded) {
    const relative = path.relative(io.cwd, path.resolve(io.cwd, source.path));
    const target = path.join(dir, relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(source.path) : relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, source.text, 'utf8');
  }
}
