import type { PyTree, SyntaxNode } from './syntax.js';
import { children, textOf } from './syntax.js';

/** The framework a file's imports name, for the gradient rules and the report. */
export type Framework = 'tf' | 'torch' | 'jax' | 'numpy';

/** What `import a.b as c` and `from a import b as c` bind: the local name to the dotted path it stands for. */
export interface ImportBinding {
  local: string;
  path: string;
  node: SyntaxNode;
}

/** The bindings of one ImportStatement. */
export function readImport(tree: PyTree, node: SyntaxNode): ImportBinding[] {
  const parts = children(node);
  const isFrom = parts[0]?.name === 'from';
  const importAt = parts.findIndex((p) => p.name === 'import');
  const dotted = (list: SyntaxNode[]) => list.filter((p) => p.name === 'VariableName' || p.name === '.').map((p) => textOf(tree, p)).join('');
  const out: ImportBinding[] = [];
  if (isFrom) {
    const from = dotted(parts.slice(1, importAt));
    // after `import`: name [as alias] (, name [as alias])*
    const rest = parts.slice(importAt + 1).filter((p) => p.name !== '(' && p.name !== ')');
    for (let i = 0; i < rest.length; i++) {
      const p = rest[i]!;
      if (p.name !== 'VariableName' && p.name !== '*') continue;
      const name = textOf(tree, p);
      const alias = rest[i + 1]?.name === 'as' ? rest[i + 2] : undefined;
      out.push({ local: alias ? textOf(tree, alias) : name, path: `${from}.${name}`, node: p });
      if (alias) i += 2;
    }
    return out;
  }
  // import a.b.c [as d] (, ...)*: without an alias the local name is the first component, standing for itself
  const rest = parts.slice(importAt + 1);
  let current: SyntaxNode[] = [];
  const flush = (alias?: SyntaxNode) => {
    if (current.length === 0) return;
    const path = dotted(current);
    const local = alias ? textOf(tree, alias) : path.split('.')[0]!;
    out.push({ local, path: alias ? path : local, node: current[0]! });
    current = [];
  };
  for (let i = 0; i < rest.length; i++) {
    const p = rest[i]!;
    if (p.name === ',') flush();
    else if (p.name === 'as') {
      flush(rest[i + 1]);
      i++;
    } else current.push(p);
  }
  flush();
  return out;
}

const ROOTS: ReadonlyArray<[string, Framework]> = [
  ['torch', 'torch'], ['tensorflow', 'tf'], ['keras', 'tf'], ['jax', 'jax'], ['numpy', 'numpy'],
];

/**
 * The framework the imports name: the one of torch, TensorFlow/Keras or JAX imported (NumPy, often imported beside
 * them, only when it is alone); undefined when none is, or when two frameworks are.
 */
export function frameworkOf(paths: readonly string[]): Framework | undefined {
  const found = new Set<Framework>();
  for (const path of paths) {
    const root = path.split('.')[0]!;
    const hit = ROOTS.find(([r]) => r === root);
    if (hit) found.add(hit[1]);
  }
  const frameworks = [...found].filter((f) => f !== 'numpy');
  if (frameworks.length === 1) return frameworks[0];
  if (frameworks.length === 0 && found.has('numpy')) return 'numpy';
  return undefined;
}
