/** A node of a parsed nunjucks template, as far as `printsOnlyVerbatim` reads it (nunjucks' parser has no types). */
export interface TemplateNode {
  readonly typename: string;
  readonly children?: readonly TemplateNode[];
  readonly value?: unknown;
}

/** Parses a template by name; throws when there is no such template. */
export type ParseTemplate = (name: string) => TemplateNode;

// Statements an output may sit in and still reach the page as printed. A capture (`{% set %}` block,
// `{% filter %}`), a macro or a `{% call %}` body hands its output to code that may change it.
const passThrough = new Set(['Root', 'NodeList', 'Block', 'If', 'IfAsync', 'For', 'AsyncEach', 'AsyncAll', 'Switch', 'Case']);
const templateRefs = new Set(['Extends', 'Include', 'Import', 'FromImport']);

interface Step {
  readonly node: TemplateNode;
  readonly field: string;
}

/**
 * Whether rendering `template` can read `variable.key` only to print it whole and unescaped, as in
 * `{{ article.html | safe }}`, in that template and every one it extends, includes or imports: then
 * a placeholder rendered in its place can be swapped for the value afterwards, byte for byte.
 * Anything else that could see the value (another filter, `{% set %}`, a macro argument, a dynamic
 * template name, `super()` printed through a filter...) answers false: the caller then renders the real value.
 */
export function printsOnlyVerbatim(parse: ParseTemplate, template: string, variable: string, key: string): boolean {
  const seen = new Set<string>();
  const queue = [template];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    // A relative name resolves against its parent: not worth following.
    if (name.startsWith('.')) return false;
    let root: TemplateNode;
    try {
      root = parse(name);
    } catch {
      return false;
    }
    const refs = verbatimOnlyIn(root, variable, key);
    if (refs === undefined) return false;
    queue.push(...refs);
  }
  return true;
}

/** The templates `root` refers to when it reads the value only verbatim; undefined when it may read it otherwise. */
function verbatimOnlyIn(root: TemplateNode, variable: string, key: string): string[] | undefined {
  const refs: string[] = [];
  let ok = true;
  walk(root, [], (node, path) => {
    if (templateRefs.has(node.typename)) {
      const name = childOf(node, 'template');
      if (name?.typename !== 'Literal' || typeof name.value !== 'string') ok = false;
      else refs.push(name.value);
      // An included page printed into a capture could be changed there.
      if (node.typename === 'Include' && !printedAsIs(path)) ok = false;
    } else if (node.typename === 'Symbol' && node.value === variable) {
      ok &&= verbatimRead(node, path, key);
    } else if (node.typename === 'FunCall' && isSymbol(childOf(node, 'name'), 'super')) {
      ok &&= path.at(-1)?.node.typename === 'Output' && printedAsIs(path.slice(0, -1));
    }
  });
  return ok ? refs : undefined;
}

// `variable.other` is harmless; `variable.key` only as the one argument of `safe`, printed as is.
function verbatimRead(symbol: TemplateNode, path: readonly Step[], key: string): boolean {
  const lookup = path.at(-1);
  if (lookup?.node.typename !== 'LookupVal' || lookup.field !== 'target') return false;
  const val = childOf(lookup.node, 'val');
  if (val?.typename !== 'Literal' || typeof val.value !== 'string') return false;
  if (val.value !== key) return true;
  const [args, filter, output] = [path.at(-2), path.at(-3), path.at(-4)];
  return (
    args?.node.children?.length === 1 &&
    filter?.node.typename === 'Filter' &&
    filter.field === 'args' &&
    isSymbol(childOf(filter.node, 'name'), 'safe') &&
    output?.node.typename === 'Output' &&
    printedAsIs(path.slice(0, -4))
  );
}

function printedAsIs(ancestors: readonly Step[]): boolean {
  return ancestors.every((step) => passThrough.has(step.node.typename));
}

// Every own property that holds nodes, not only the node type's declared fields: `{% set %}` keeps its captured body outside them.
function walk(node: TemplateNode, path: Step[], visit: (node: TemplateNode, path: readonly Step[]) => void): void {
  visit(node, path);
  for (const [field, value] of Object.entries(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (!isNode(child)) continue;
      path.push({ node, field });
      walk(child, path, visit);
      path.pop();
    }
  }
}

function childOf(node: TemplateNode, field: string): TemplateNode | undefined {
  const value = (node as unknown as Record<string, unknown>)[field];
  return isNode(value) ? value : undefined;
}

function isNode(value: unknown): value is TemplateNode {
  return value !== null && typeof value === 'object' && typeof (value as TemplateNode).typename === 'string';
}

function isSymbol(node: TemplateNode | undefined, name: string): boolean {
  return node?.typename === 'Symbol' && node.value === name;
}
