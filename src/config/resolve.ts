import { findNodeAtLocation, parseTree, type Node, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { z } from 'zod';
import { errorDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ContentError } from '../diagnostics/content-error.js';
import { positionAt, type Position } from '../diagnostics/position.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { permalinkProblem } from '../content/permalink.js';
import { siteConfigSchema, type SiteConfig } from './schema.js';

/** Settings given on the command line that win over the config file. */
export interface ConfigOverrides {
  readonly baseUrl?: string;
}

/**
 * Parse and validate the text of site.config.json, apply defaults and overrides.
 * Throws a ContentError with one diagnostic per bad key, each at its line and column.
 */
export function resolveConfig(text: string, file: string, overrides: ConfigOverrides = {}): SiteConfig {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    const at = positionAt(text, first?.offset ?? 0);
    const reason = first ? printParseErrorCode(first.error) : 'empty file';
    throw new ContentError(errorDiagnostic({ file, ...at, code: 'config/json', message: `site config is not valid JSON: ${reason}` }));
  }
  const raw = { ...(nodeValue(tree) as Record<string, unknown>), ...definedOverrides(overrides) };
  const result = siteConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new ContentError(result.error.issues.flatMap((issue) => issueDiagnostics(issue, tree, text, file)));
  }
  const problems = extraChecks(result.data, tree, text, file);
  if (problems.length > 0) throw new ContentError(problems);
  return result.data;
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children?.[0]?.value as string, p.children?.[1] ? nodeValue(p.children[1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function definedOverrides(overrides: ConfigOverrides): Record<string, unknown> {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
}

function issueDiagnostics(issue: z.core.$ZodIssue, tree: Node, text: string, file: string): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyNode = findNodeAtLocation(tree, [...path, key])?.parent?.children?.[0];
      const known = knownKeysAt(path);
      const guess = didYouMean(key, known);
      return errorDiagnostic({
        file,
        ...positionAt(text, keyNode?.offset ?? 0),
        code: 'config/unknown-key',
        message: `unknown key ${JSON.stringify(dotted([...path, key]))}${guess ? `; did you mean ${JSON.stringify(guess)}?` : ''}`,
        note: known.length > 0 ? `known keys here: ${known.join(', ')}` : undefined,
      });
    });
  }
  const node = findNodeAtLocation(tree, path);
  const where = path.length > 0 ? JSON.stringify(dotted(path)) : 'site config';
  return [
    errorDiagnostic({
      file,
      ...positionAt(text, node?.offset ?? 0),
      code: 'config/invalid',
      message: `${where}: ${issue.message}`,
    }),
  ];
}

function knownKeysAt(path: readonly (string | number)[]): string[] {
  let schema: unknown = siteConfigSchema;
  for (const segment of path) {
    schema = unwrap(schema);
    const def = (schema as { def?: { shape?: Record<string, unknown>; element?: unknown; options?: unknown[] } }).def;
    if (typeof segment === 'number') schema = def?.element;
    else schema = def?.shape?.[segment];
  }
  const shape = (unwrap(schema) as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { innerType?: unknown; type?: string } } | undefined;
  while (current?.def?.innerType) current = current.def.innerType as typeof current;
  return current;
}

function dotted(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

function extraChecks(config: SiteConfig, tree: Node, text: string, file: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const at = (key: string) => positionAt(text, findNodeAtLocation(tree, [key])?.offset ?? 0);
  const permalink = permalinkProblem(config.permalink);
  if (permalink) problems.push(errorDiagnostic({ file, ...at('permalink'), code: 'config/invalid', message: `"permalink" ${permalink}` }));
  if (!config.paginationPath.includes(':n') || !config.paginationPath.startsWith('/') || !config.paginationPath.endsWith('/')) {
    problems.push(errorDiagnostic({ file, ...at('paginationPath'), code: 'config/invalid', message: '"paginationPath" must start and end with "/" and contain :n, e.g. "/page/:n/"' }));
  }
  const keys = config.columns.map((c) => c.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup !== undefined) problems.push(errorDiagnostic({ file, ...at('columns'), code: 'config/invalid', message: `column key ${JSON.stringify(dup)} is declared twice` }));
  return problems;
}

/** Where the value at `path` (e.g. `['footer', 'icp']`) starts in the text of site.config.json; 1:1 when absent. */
export function configKeyPosition(text: string, path: readonly (string | number)[]): Position {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const node = tree ? findNodeAtLocation(tree, [...path]) : undefined;
  return node ? positionAt(text, node.offset) : { line: 1, column: 1 };
}
