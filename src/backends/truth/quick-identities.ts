import type { PGraph } from './pgraph.js';

/**
 * A node the quick passes evaluate through an exact identity that keeps digits a cancellation would lose:
 * 1 - e^t = -expm1(t), e^t - 1 = e^t + (-1) = expm1(t), log(1 + t) = log1p(t) (1/(1 - e^-x) at x = 1e-300 then needs
 * no 1000 extra bits). `arg` is t's node.
 */
export interface Identity { readonly op: 'expm1' | 'log1p'; readonly arg: number; readonly negate: boolean }

/** Per graph, per node: its identity, or null (none). Graphs only grow, so a longer graph extends the table. */
const tables = new WeakMap<PGraph, (Identity | null)[]>();

export function identities(g: PGraph): readonly (Identity | null)[] {
  let table = tables.get(g);
  if (table === undefined || table.length < g.nodes.length) {
    table = g.nodes.map((_, i) => find(g, i));
    tables.set(g, table);
  }
  return table;
}

function find(g: PGraph, id: number): Identity | null {
  const n = g.nodes[id]!;
  if (n.k !== 'prim') return null;
  const [i, j] = n.args as [number, number];
  if (n.op === 'sub') {
    if (isInt(g, i, 1n) && expArg(g, j) !== undefined) return { op: 'expm1', arg: expArg(g, j)!, negate: true };
    if (isInt(g, j, 1n) && expArg(g, i) !== undefined) return { op: 'expm1', arg: expArg(g, i)!, negate: false };
  }
  if (n.op === 'add') {
    if (isInt(g, j, -1n) && expArg(g, i) !== undefined) return { op: 'expm1', arg: expArg(g, i)!, negate: false };
    if (isInt(g, i, -1n) && expArg(g, j) !== undefined) return { op: 'expm1', arg: expArg(g, j)!, negate: false };
  }
  if (n.op === 'log') {
    const m = g.nodes[i]!;
    if (m.k !== 'prim' || m.op !== 'add') return null;
    const [a, b] = m.args as [number, number];
    const t = isInt(g, a, 1n) ? b : isInt(g, b, 1n) ? a : undefined;
    return t === undefined ? null : { op: 'log1p', arg: t, negate: false };
  }
  return null;
}

function expArg(g: PGraph, id: number): number | undefined {
  const m = g.nodes[id]!;
  return m.k === 'prim' && m.op === 'exp' ? m.args[0]! : undefined;
}

function isInt(g: PGraph, id: number, v: bigint): boolean {
  const m = g.nodes[id]!;
  return m.k === 'const' && m.q !== null && m.q.d === 1n && m.q.n === v;
}
