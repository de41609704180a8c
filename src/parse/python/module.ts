import { UserError } from '../../base/user-error.js';
import { frameworkOf, readImport, type Framework, type ImportBinding } from './imports.js';
import { children, parsePython, spanOfNode, textOf, type PyTree, type SyntaxNode } from './syntax.js';

/** A function of the file: its name, its parameters (with default nodes) and its body. */
export interface PyFunction {
  name: string;
  node: SyntaxNode;
  nameNode: SyntaxNode;
  params: { name: string; node: SyntaxNode; default?: SyntaxNode }[];
  body: SyntaxNode;
}

/** What a file defines at its top level, read without running it. */
export interface PyModule {
  tree: PyTree;
  imports: Map<string, ImportBinding>;
  functions: Map<string, PyFunction>;
  /** Module-level `NAME = value`, lowered when a function uses the name (so unrelated module code is never read). */
  assignments: Map<string, SyntaxNode>;
  /** Classes, named so a use can say what it is. */
  classes: Map<string, SyntaxNode>;
  framework: Framework | undefined;
}

export function readModule(source: string): PyModule {
  const tree = parsePython(source);
  const module: PyModule = { tree, imports: new Map(), functions: new Map(), assignments: new Map(), classes: new Map(), framework: undefined };
  for (let node of children(tree.top)) {
    if (node.name === 'DecoratedStatement') node = children(node).find((c) => c.name !== 'Decorator') ?? node;
    if (node.name === 'ImportStatement') for (const b of readImport(tree, node)) module.imports.set(b.local, b);
    else if (node.name === 'FunctionDefinition') {
      const fn = readFunction(tree, node);
      module.functions.set(fn.name, fn);
    } else if (node.name === 'ClassDefinition') {
      const name = children(node).find((c) => c.name === 'VariableName');
      if (name) module.classes.set(textOf(tree, name), node);
    } else if (node.name === 'AssignStatement') {
      const parts = children(node);
      const eq = parts.findIndex((p) => p.name === 'AssignOp');
      const value = parts[parts.length - 1]!;
      // NAME = value and NAME: type = value; tuple targets at module level are left alone
      if (eq === 1 || (eq === 2 && parts[1]!.name === 'TypeDef')) {
        if (parts[0]!.name === 'VariableName') module.assignments.set(textOf(tree, parts[0]!), value);
      }
    }
  }
  module.framework = frameworkOf([...module.imports.values()].map((b) => b.path));
  return module;
}

export function readFunction(tree: PyTree, node: SyntaxNode): PyFunction {
  const parts = children(node);
  const nameNode = parts.find((p) => p.name === 'VariableName')!;
  const list = parts.find((p) => p.name === 'ParamList')!;
  const body = parts.find((p) => p.name === 'Body')!;
  const params: PyFunction['params'] = [];
  const items = children(list);
  for (let i = 0; i < items.length; i++) {
    const p = items[i]!;
    if (p.name === '*' || p.name === '**') {
      const next = items[i + 1];
      if (next?.name === 'VariableName' || p.name === '**') {
        const what = p.name === '**' ? '**kwargs' : '*args';
        throw new UserError(`${what} parameters are not supported`, spanOfNode(tree, next ?? p), 'name each parameter the loss takes');
      }
      continue; // a bare * only makes the rest keyword-only
    }
    if (p.name === '/') continue;
    if (p.name !== 'VariableName') continue;
    let j = i + 1;
    if (items[j]?.name === 'TypeDef') j++;
    const def = items[j]?.name === 'AssignOp' ? items[j + 1] : undefined;
    params.push(def ? { name: textOf(tree, p), node: p, default: def } : { name: textOf(tree, p), node: p });
    i = def ? j + 1 : j - 1;
  }
  return { name: textOf(tree, nameNode), node, nameNode, params, body };
}
