import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where compiled templates are kept, and what else decides their code (the tool, with its nunjucks). */
export interface CompiledTemplatesOptions {
  readonly dir: string;
  readonly salt: string;
}

/** A loader's answer, as nunjucks loaders give it: the source text, or compiled code to run. */
export interface TemplateSource {
  readonly src: string | { readonly type: 'code'; readonly obj: unknown };
  readonly path: string;
  readonly noCache?: boolean;
}

/**
 * nunjucks compiles each template's text to JavaScript on every build (50–80 ms for the default
 * theme on this thread, again on each render thread). Kept in `dir` by a digest of the template's
 * name, path and text, the compile options and `salt`, the code is read back and run instead. Files
 * no template of this theme uses any more are removed when a template is compiled anew.
 */
export class CompiledTemplates {
  private readonly used = new Set<string>();
  private wrote = false;

  constructor(private readonly options: CompiledTemplatesOptions, private readonly compileOptions: unknown) {}

  /**
   * `found` with its text replaced by the compiled code, kept or compiled now by `compile`; `found`
   * itself when the text does not compile (nunjucks then compiles it, and reports the error as ever).
   */
  load(name: string, found: TemplateSource, compile: (source: string) => string): TemplateSource {
    if (typeof found.src !== 'string') return found;
    const digest = createHash('sha256').update(JSON.stringify([this.options.salt, this.compileOptions, name, found.path, found.src])).digest('hex').slice(0, 32);
    const file = path.join(this.options.dir, `${digest}.js`);
    this.used.add(path.basename(file));
    const kept = readCode(file);
    const props = kept === undefined ? undefined : run(kept);
    if (props !== undefined) return { ...found, src: { type: 'code', obj: props } };
    let code: string;
    try {
      code = compile(found.src);
    } catch {
      return found;
    }
    const made = run(code);
    if (made === undefined) return found;
    this.keep(file, code);
    return { ...found, src: { type: 'code', obj: made } };
  }

  /** After every template is loaded: when one was compiled anew, remove the files no template uses now. */
  prune(): void {
    if (!this.wrote) return;
    for (const name of listIfThere(this.options.dir)) if (name.endsWith('.js') && !this.used.has(name)) rmSync(path.join(this.options.dir, name), { force: true });
  }

  private keep(file: string, code: string): void {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      // Under a name of its own first: a render thread compiling the same template at once must never read half a file.
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temporary, code);
      renameSync(temporary, file);
      this.wrote = true;
    } catch {
      // A cache that cannot be written only costs the next build a compile.
    }
  }
}

function readCode(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

// The code nunjucks' compiler emits is a function body returning the template's root and blocks; a file that does not run is compiled again.
function run(code: string): unknown {
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- nunjucks runs its compiled templates this way itself
    const props: unknown = new Function(code)();
    return typeof props === 'object' && props !== null && typeof (props as { root?: unknown }).root === 'function' ? props : undefined;
  } catch {
    return undefined;
  }
}

function listIfThere(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
