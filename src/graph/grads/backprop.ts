import type { GraphBuilder } from '../builder.js';
import type { GraphNode } from '../graph.js';
import { OPS } from '../ops.js';
import { type OpName } from '../../vocab/ops.js';
import { GRAD_RULES, type GradOps } from './rules.js';

/**
 * Reverse-mode differentiation as TF's tape does: from the output back, each node's rule yields its inputs' gradients,
 * summed with add where a node feeds several others. Returns d(output)/d(var) node ids.
 */
export function backprop(b: GraphBuilder, output: number, vars: string[]): Record<string, number> {
  const forward = b.nodes.slice();
  const onPath = dependsOnVariable(forward);
  const grad = new Map<number, number>();
  const outSpan = forward[output]!.span;
  grad.set(output, b.constant('1', 'backward', outSpan));

  for (let id = output; id >= 0; id--) {
    const dy = grad.get(id);
    const node = forward[id]!;
    if (dy === undefined || node.op === 'var' || node.op === 'const') continue;
    const rule = GRAD_RULES[node.op];
    node.inputs.forEach((input, k) => {
      if (!onPath[input]) return;
      const thunk = rule(gradOps(b, node, k, dy), node)[k];
      if (!thunk) return;
      const contribution = thunk();
      const prev = grad.get(input);
      grad.set(input, prev === undefined ? contribution : b.add('add', [prev, contribution], 'backward', forward[input]!.span, { gradOf: { node: input, input: -1 } }));
    });
  }

  const result: Record<string, number> = {};
  for (const name of vars) {
    const v = forward.find((n) => n.op === 'var' && n.name === name)!;
    result[name] = grad.get(v.id) ?? b.constant('0', 'backward', v.span);
  }
  return result;
}

function gradOps(b: GraphBuilder, node: GraphNode, input: number, dy: number): GradOps {
  const extras = { gradOf: { node: node.id, input } };
  return {
    dy,
    x: node.inputs,
    y: node.id,
    op: (op: OpName, ...inputs: number[]) => b.add(op, inputs, 'backward', node.span, extras),
    c: (text: string) => b.constant(text, 'backward', node.span),
    masked: (mask: number, branch) => {
      const cast = b.add('cast', [mask], 'backward', node.span, extras);
      return b.add('mul', [dy, cast], 'backward', node.span, { ...extras, whereMask: { where: node.id, branch } });
    },
  };
}

/** Conditions carry no gradient (TF has none for Less & co.), so nothing behind them is on a gradient path. */
function dependsOnVariable(nodes: GraphNode[]): boolean[] {
  const on = new Array<boolean>(nodes.length).fill(false);
  for (const n of nodes) on[n.id] = n.op === 'var' || (!OPS[n.op].boolean && n.inputs.some((i) => on[i]));
  return on;
}
