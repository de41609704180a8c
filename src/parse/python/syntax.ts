import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { UserError } from '../../base/user-error.js';
import { spanOf, type Span } from '../../base/span.js';

export type { SyntaxNode };

/** A parsed Python file: the concrete syntax tree and the text its positions point into. */
export interface PyTree {
  source: string;
  top: SyntaxNode;
}

/** Parses Python text with @lezer/python (never executes it). A syntax error is a UserError at the first error node. */
export function parsePython(source: string): PyTree {
  const tree = parser.parse(source);
  let error: SyntaxNode | undefined;
  tree.iterate({
    enter: (n) => {
      if (error !== undefined) return false;
      if (n.type.isError) error = n.node;
      return undefined;
    },
  });
  if (error !== undefined) {
    const at = Math.min(error.from, Math.max(0, source.length - 1));
    throw new UserError('Python syntax error', spanOf(source, at, Math.max(error.to, at + 1)), 'the file must be valid Python 3');
  }
  return { source, top: tree.topNode };
}

/** The children of a node, punctuation included. */
export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c !== null; c = c.nextSibling) out.push(c);
  return out;
}

export const textOf = (tree: PyTree, node: SyntaxNode): string => tree.source.slice(node.from, node.to);
export const spanOfNode = (tree: PyTree, node: SyntaxNode): Span => spanOf(tree.source, node.from, node.to);

const PUNCTUATION = new Set(['(', ')', '[', ']', ',', ':', '.', 'AssignOp']);

/** Splits the children of a list-like node (ArgList, ParamList, a return's values) at its commas. */
export function commaGroups(nodes: readonly SyntaxNode[]): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const n of nodes) {
    if (n.name === ',') groups.push([]);
    else if (n.name !== '(' && n.name !== ')') groups[groups.length - 1]!.push(n);
  }
  return groups.filter((g) => g.length > 0);
}

/** The children that are not punctuation or keywords (their names start with a capital letter in the grammar). */
export function meaningful(node: SyntaxNode): SyntaxNode[] {
  return children(node).filter((c) => !PUNCTUATION.has(c.name) && /^[A-Z]/.test(c.name));
}
