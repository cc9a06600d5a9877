import { access, copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic, isContentError } from '../diagnostics/index.js';
import { decode, defaultCandidates } from '../text/decode/index.js';
import { repairText } from '../text/repair/index.js';
import type { RepairOptions, ScriptSetting } from '../text/types.js';
import type { CliIo } from './io.js';

/** Options of `broadsheet fix`. */
export interface FixCommandOptions {
  readonly script?: ScriptSetting;
  readonly rules?: RepairOptions['rules'];
  readonly candidates?: readonly string[];
}

/** `broadsheet fix FILE...`: decode, repair and write each file back as UTF-8, keeping a `.orig` copy; exit 1 if any file is refused. */
export async function fixCommand(files: readonly string[], options: FixCommandOptions, io: CliIo): Promise<number> {
  let failed = false;
  for (const file of files) if (!(await fixFile(file, options, io))) failed = true;
  return failed ? 1 : 0;
}

async function fixFile(file: string, options: FixCommandOptions, io: CliIo): Promise<boolean> {
  const shown = file.split(path.sep).join('/');
  const full = path.resolve(io.cwd, file);
  try {
    if (await exists(`${full}.orig`)) {
      io.err(`${shown}:1:1: error: ${shown}.orig already exists; fix would overwrite the original copy [fix/orig-exists]\n  note: compare and remove ${shown}.orig, then run fix again`);
      return false;
    }
    const decoded = decode(await readFile(full), { path: shown, candidates: options.candidates ?? defaultCandidates });
    const result = repairText(decoded.text, { path: shown, format: formatOf(file), script: options.script ?? 'keep', ...(options.rules && { rules: options.rules }) });
    for (const r of result.repairs) io.out(`${shown}:${r.line}:${r.column}: ${r.rule}: ${JSON.stringify(r.before)} -> ${JSON.stringify(r.after)}`);
    for (const w of result.warnings) io.err(formatDiagnostic(w));
    await copyFile(full, `${full}.orig`);
    await writeFile(full, result.text, 'utf8');
    io.out(`${shown}: ${result.repairs.length} repairs, ${result.warnings.length} warnings, written as UTF-8 (was ${decoded.encoding}; original kept as ${shown}.orig)`);
    return true;
  } catch (error) {
    if (isContentError(error)) io.err(error.diagnostics.map(formatDiagnostic).join('\n'));
    else if (error instanceof Error && 'code' in error) io.err(`${shown}:1:1: error: cannot fix the file: ${error.message} [fix/io-failed]`);
    else throw error;
    return false;
  }
}

function formatOf(file: string): 'markdown' | 'html' | 'text' {
  const ext = path.extname(file).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'markdown' : ext === '.html' || ext === '.htm' ? 'html' : 'text';
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
