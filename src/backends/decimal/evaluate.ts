import { Decimal } from 'decimal.js';
import type { Graph } from '../../graph/graph.js';
import { EXACT_OPS } from './exact-ops.js';
import { Arith, fail, type X } from './xnum.js';

/** A value with its partials along the requested directions. */
export interface Dual {
  value: X;
  grads: X[];
}

/**
 * Forward-mode evaluation of the graph's forward nodes at one precision. inputs: the exact value
 * of every variable; directions: the variables to differentiate by. Only nodes reachable from the
 * output are evaluated, and of a where only the condition and the selected branch.
 */
export function evaluateDual(graph: Graph, inputs: ReadonlyMap<string, Decimal>, ar: Arith, directions: readonly string[]): Dual {
  const memo = new Map<number, Dual>();
  const failed = (f: X): Dual => ({ value: f, grads: directions.map(() => f) });

  const visit = (id: number): Dual => {
    const known = memo.get(id);
    if (known) return known;
    const result = compute(id);
    memo.set(id, result);
    return result;
  };

  const compute = (id: number): Dual => {
    const node = graph.nodes[id]!;
    switch (node.op) {
      case 'const':
        return { value: ar.exactNum(new ar.D(node.text ?? String(node.value))), grads: directions.map(() => ar.zero) };
      case 'var': {
        const v = inputs.get(node.name!);
        if (v === undefined) throw new Error(`no value for variable '${node.name}'`);
        return { value: ar.exactNum(new ar.D(v)), grads: directions.map((d) => (d === node.name ? ar.one : ar.zero)) };
      }
      case 'where': {
        const cond = visit(node.inputs[0]!).value;
        if (cond.k === 'fail') return failed(cond);
        const chosen = cond.k === 'num' && cond.d.isZero() ? node.inputs[2]! : node.inputs[1]!;
        return visit(chosen);
      }
      default: {
        const rule = EXACT_OPS[node.op];
        const args = node.inputs.map(visit);
        const xs = args.map((a) => a.value);
        const value = rule.value(ar, xs);
        if (value.k === 'fail') return failed(value);
        const grads = directions.map((_, j) => {
          const dx = args.map((a) => a.grads[j]!);
          if (dx.every((g) => g === ar.zero)) return ar.zero;
          return rule.grad(ar, xs, value, dx);
        });
        return { value, grads };
      }
    }
  };

  try {
    return visit(graph.output);
  } catch (error) {
    // decimal.js refuses ln and trig beyond the 1025 digits of its stored ln10 and pi.
    if (error instanceof Error && /DecimalError/.test(error.message)) {
      return failed(fail('beyond', `decimal.js cannot evaluate at ${ar.precision} digits (${error.message})`));
    }
    throw error;
  }
}
