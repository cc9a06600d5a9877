import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type Nunjucks from 'nunjucks';
import { lazyPackage } from '../lazy-package.js';
import { CompiledTemplates, type CompiledTemplatesOptions, type TemplateSource } from './compiled-templates.js';
import { dateFilters, href } from './filters.js';
import { templateError } from './template-error.js';
import { printsOnlyVerbatim, type TemplateNode } from './verbatim-value.js';

// Loaded by the first renderer (a build with nothing to render never needs it: 30 ms).
const nunjucksLib = lazyPackage<typeof Nunjucks>('nunjucks');

/** Options of `createRenderer`. */
export interface RendererOptions {
  /** Folders searched in order: the site's own templates/ first, then the default theme. */
  readonly themeDirs: readonly string[];
  /** Fail on a template that outputs an undefined value (`broadsheet build --strict`). */
  readonly strict?: boolean;
  /** Template paths in diagnostics are shown relative to this folder (the site root). */
  readonly displayRoot?: string;
  /** Keep each template's compiled code here (`CompiledTemplates`): a build that changed no template compiles none. */
  readonly compiled?: CompiledTemplatesOptions;
}

/** Renders theme templates and reads theme assets; the one I/O edge of the render stage. */
export interface Renderer {
  /** Render a template by name (`article.njk`); a template error throws a ContentError. */
  readonly render: (template: string, context: Readonly<Record<string, unknown>>) => string;
  /** The bytes of a theme asset (`assets/site.css`) from the first theme folder that has it. */
  readonly readAsset: (name: string) => Uint8Array;
  /** Every asset under the theme folders' assets/, as `assets/...` names, sorted. */
  readonly assetNames: () => readonly string[];
  /** Whether `template` reads `variable.key` only to print it whole and unescaped (see `printsOnlyVerbatim`). */
  readonly printsVerbatim: (template: string, variable: string, key: string) => boolean;
}

/**
 * Create the nunjucks environment with autoescaping and our filters, and compile every template
 * once, so a syntax error is reported before any page is rendered and no page compiles again.
 */
export function createRenderer(options: RendererOptions): Renderer {
  const dirs = options.themeDirs.map((d) => path.resolve(d));
  const display = (file: string): string => displayPath(file, dirs, options.displayRoot);
  const nunjucks = nunjucksLib();
  const loader = new nunjucks.FileSystemLoader([...dirs], { noCache: false });
  const env = new nunjucks.Environment(loader, {
    autoescape: true,
    trimBlocks: true,
    lstripBlocks: true,
    throwOnUndefined: options.strict ?? false,
  });
  const compiled = options.compiled && keepCompiled(loader, env, options.compiled);
  for (const [name, filter] of Object.entries(dateFilters)) env.addFilter(name, filter);
  env.addFilter('href', href);
  for (const name of listFiles(dirs, (f) => f.endsWith('.njk'))) {
    try {
      env.getTemplate(name, true);
    } catch (error) {
      throw templateError(error, 'template/syntax', display(findFile(dirs, name)), display);
    }
  }
  compiled?.prune();
  return {
    render: (template, context) => {
      try {
        return env.render(template, context);
      } catch (error) {
        throw templateError(error, 'template/render', display(findFile(dirs, template)), display);
      }
    },
    readAsset: (name) => readFileSync(findFile(dirs, name)),
    assetNames: () => listFiles(dirs, (f) => f.startsWith('assets/')),
    printsVerbatim: (template, variable, key) => printsOnlyVerbatim((name) => parseTemplate(env, name), template, variable, key),
  };
}

/** The loader's templates compiled through `CompiledTemplates` (nunjucks' compiler is not in its typings). */
function keepCompiled(loader: Nunjucks.FileSystemLoader, env: Nunjucks.Environment, options: CompiledTemplatesOptions): CompiledTemplates {
  const { compiler } = nunjucksLib() as unknown as { compiler: { compile(src: string, asyncFilters: unknown, extensions: unknown, name: string, opts: unknown): string } };
  const { asyncFilters, extensionsList, opts } = env as unknown as { asyncFilters: unknown; extensionsList: unknown; opts: unknown };
  const compiled = new CompiledTemplates(options, opts);
  const textOf = loader.getSource.bind(loader) as (name: string) => TemplateSource | null;
  const withCode = (name: string): TemplateSource | null => {
    const found = textOf(name);
    return found && compiled.load(name, found, (source) => compiler.compile(source, asyncFilters, extensionsList, name, opts));
  };
  (loader as unknown as { getSource: typeof withCode }).getSource = withCode;
  return compiled;
}

function parseTemplate(env: Nunjucks.Environment, name: string): TemplateNode {
  // The parser is not in nunjucks' typings; a template's source is kept on its compiled form, unless it was loaded compiled.
  const { parser } = nunjucksLib() as unknown as { parser: { parse(src: string, extensions: unknown, opts: unknown): TemplateNode } };
  const template = env.getTemplate(name) as unknown as { tmplStr?: string; path: string };
  const source = template.tmplStr ?? readFileSync(template.path, 'utf8');
  const { extensionsList, opts } = env as unknown as { extensionsList: unknown; opts: unknown };
  return parser.parse(source, extensionsList, opts);
}

function findFile(dirs: readonly string[], name: string): string {
  for (const dir of dirs) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return path.join(dirs[0] ?? '.', name);
}

/** Names relative to their theme folder, forward slashes, deduplicated across folders. */
function listFiles(dirs: readonly string[], keep: (name: string) => boolean): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const relative of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      const name = relative.split(path.sep).join('/');
      if (keep(name) && statSync(path.join(dir, relative)).isFile()) names.add(name);
    }
  }
  return [...names].sort();
}

// A site's `templates/article.njk` reads best relative to the site root; without one, the theme
// folder's own name is kept so the message still says which folder the file is in.
function displayPath(file: string, dirs: readonly string[], root: string | undefined): string {
  const abs = path.resolve(file);
  const base = root !== undefined && !path.relative(root, abs).startsWith('..')
    ? root
    : path.dirname(dirs.find((d) => !path.relative(d, abs).startsWith('..')) ?? path.dirname(abs));
  return path.relative(base, abs).split(path.sep).join('/');
}
