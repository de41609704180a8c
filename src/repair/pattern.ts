import type { Expr } from '../parse/ast.js';
import { sameTree } from './tree.js';

/**
 * Matches an expression against a pattern tree. A name in the pattern is a metavariable that binds any sub-tree (the
 * same name twice must bind equal trees); numbers match by value; calls by their resolved op; + and * also match
 * with their operands swapped. Returns the bindings, or undefined.
 */
export function match(pattern: Expr, e: Expr, bound: Map<string, Expr> = new Map()): Map<string, Expr> | undefined {
  if (pattern.kind === 'name') {
    const prior = bound.get(pattern.name);
    if (prior) return sameTree(prior, e) ? bound : undefined;
    return new Map(bound).set(pattern.name, e);
  }
  if (pattern.kind === 'number') return e.kind === 'number' && sameTree(pattern, e) ? bound : undefined;
  if (pattern.kind === 'unary') return e.kind === 'unary' && e.op === pattern.op ? match(pattern.arg, e.arg, bound) : undefined;
  if (pattern.kind === 'binary') {
    if (e.kind !== 'binary' || e.op !== pattern.op) return undefined;
    const straight = pair(pattern.left, pattern.right, e.left, e.right, bound);
    if (straight || (e.op !== '+' && e.op !== '*')) return straight;
    return pair(pattern.left, pattern.right, e.right, e.left, bound);
  }
  if (e.kind !== 'call' || e.op !== pattern.op || e.op === null || e.args.length !== pattern.args.length) return undefined;
  let b: Map<string, Expr> | undefined = bound;
  for (let i = 0; b && i < e.args.length; i++) b = match(pattern.args[i]!, e.args[i]!, b);
  return b;
}

function pair(p1: Expr, p2: Expr, e1: Expr, e2: Expr, bound: Map<string, Expr>): Map<string, Expr> | undefined {
  const first = match(p1, e1, bound);
  return first && match(p2, e2, first);
}
