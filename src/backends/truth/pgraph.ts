import type { PrimOp } from './prim.js';
import type { Q } from './rational.js';

export type Rel = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne';

/** Whether a comparison's result c (the sign of a - b) satisfies the relation. */
export function holds(rel: Rel, c: -1 | 0 | 1): boolean {
  switch (rel) {
    case 'lt': return c < 0;
    case 'le': return c <= 0;
    case 'gt': return c > 0;
    case 'ge': return c >= 0;
    case 'eq': return c === 0;
    case 'ne': return c !== 0;
  }
}

/**
 * One node of the primitive graph the exact semantics is evaluated on (value and derivatives alike).
 * - const: an exact decimal literal (q when it is held as an exact rational, else only its text);
 * - prim: a real function (prim.ts); cmp/logic: 0 or 1; where: lazy selection;
 * - sign, max, min, step, floor: piecewise functions (floor: the greatest integer <= a);
 * - kink: the derivative of abs, sign(a), not defined at a = 0 (bounded: times an exact 0 it is 0);
 * - jump: the derivative of sign/step, 0 away from a = 0, not defined at 0;
 * - pick: the derivative of max/min (args a, b, da, db): da or db by the comparison, at a tie
 *   the common value of da and db when they provably agree.
 */
export type PNode =
  | { k: 'const'; text: string; q: Q | null }
  | { k: 'var'; name: string }
  | { k: 'prim'; op: PrimOp; args: number[] }
  | { k: 'cmp'; rel: Rel; args: number[] }
  | { k: 'logic'; op: 'and' | 'or' | 'not'; args: number[] }
  | { k: 'where'; args: number[] }
  | { k: 'sign'; args: number[] }
  | { k: 'max' | 'min'; args: number[] }
  | { k: 'step'; args: number[] }
  | { k: 'floor'; args: number[] }
  | { k: 'kink'; args: number[] }
  | { k: 'jump'; args: number[]; what?: string }
  | { k: 'pick'; sel: 'max' | 'min'; args: number[] };

/** A growing graph of primitive nodes with structural sharing (one id per distinct node). */
export class PGraph {
  readonly nodes: PNode[] = [];
  private readonly ids = new Map<string, number>();

  add(node: PNode): number {
    const key = keyOf(node);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    this.nodes.push(node);
    this.ids.set(key, this.nodes.length - 1);
    return this.nodes.length - 1;
  }

  node(id: number): PNode {
    return this.nodes[id]!;
  }

  /** Every node the given ones depend on (themselves included). */
  closure(roots: readonly number[]): Set<number> {
    const seen = new Set<number>();
    const stack = [...roots];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const n = this.nodes[id]!;
      if ('args' in n) stack.push(...n.args);
    }
    return seen;
  }
}

function keyOf(n: PNode): string {
  switch (n.k) {
    case 'const': return `c:${n.q ? `${n.q.n}/${n.q.d}` : n.text}`;
    case 'var': return `v:${n.name}`;
    case 'prim': return `p:${n.op}:${n.args.join(',')}`;
    case 'cmp': return `r:${n.rel}:${n.args.join(',')}`;
    case 'logic': return `l:${n.op}:${n.args.join(',')}`;
    case 'pick': return `k:${n.sel}:${n.args.join(',')}`;
    default: return `${n.k}:${n.args.join(',')}`;
  }
}

/** The ids `root` depends on (itself included), in increasing order: inputs before the nodes that use them. */
export function dependencies(g: PGraph, root: number): number[] {
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const n = g.node(id);
    if ('args' in n) for (const a of n.args) if (!seen.has(a)) stack.push(a);
  }
  return [...seen].sort((a, b) => a - b);
}
