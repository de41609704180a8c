import { userRecord } from '../../base/record.js';
import type { GraphBuilder } from '../builder.js';
import type { GraphNode } from '../graph.js';
import { OP_NAMES, type OpName } from '../../vocab/ops.js';
import { OPS } from '../ops.js';
import { markForward } from '../walk.js';
import type { GradContext, GradTable } from './table.js';

/** The name of the gradient's seed node (dy = 1 at the output). */
export const SEED = 'dy';

/**
 * Reverse-mode differentiation as TF's tape does, with the given framework's rules: from the output back, each node's
 * rule yields its inputs' gradients, summed with add where a node feeds several others. Returns d(output)/d(var) ids.
 */
export function backprop(b: GraphBuilder, output: number, vars: string[], table: GradTable): Record<string, number> {
  const forward = b.nodes.slice();
  // Conditions carry no gradient (TF has none for Less & co.), so nothing behind them is on a gradient path.
  const onPath = markForward(forward, (n) => n.op === 'var', (n) => !OPS[n.op].boolean);
  const grad = new Map<number, number>();
  // The seed dy = 1 is its own node (named), not merged with the rules' constant 1s: what depends on dy is traceable.
  grad.set(output, b.add('const', [], 'backward', forward[output]!.span, { text: '1', value: 1, name: SEED }));

  for (let id = output; id >= 0; id--) {
    const dy = grad.get(id);
    const node = forward[id]!;
    if (dy === undefined || node.op === 'var' || node.op === 'const') continue;
    const rule = table.rules[node.op];
    node.inputs.forEach((input, k) => {
      if (!onPath[input]) return;
      const thunk = rule(context(b, node, k, dy))[k];
      if (!thunk) return;
      const contribution = thunk();
      const prev = grad.get(input);
      grad.set(input, prev === undefined ? contribution : b.add('add', [prev, contribution], 'backward', forward[input]!.span, { gradOf: { node: input, input: -1 } }));
    });
  }

  const result: Record<string, number> = userRecord();
  for (const name of vars) {
    const v = forward.find((n) => n.op === 'var' && n.name === name)!;
    result[name] = grad.get(v.id) ?? b.constant('0', 'backward', v.span);
  }
  return result;
}

/**
 * The rule's view of one forward node (building the gradient of its input `input`): inputs, output, dy, every op as a
 * call. The op calls live on a prototype made once (rules call them as g.op(...)): a context per node and input costs
 * one small object, not ~100 closures (that was most of compile's time in the fix search, which compiles many forms).
 */
function context(b: GraphBuilder, node: GraphNode, input: number, dy: number): GradContext {
  const view: ContextState = Object.create(OP_CALLS);
  view.b = b;
  view.span = node.span;
  view.extras = { gradOf: { node: node.id, input } };
  const extras = view.extras;
  return Object.assign(view, {
    dy,
    x: node.inputs,
    y: node.id,
    num: (text: string) => b.constant(text, 'backward', node.span),
    masked: (mask: number, branch: 'then' | 'else') => {
      const cast = b.add('cast', [mask], 'backward', node.span, extras);
      return b.add('mul', [dy, cast], 'backward', node.span, { ...extras, whereMask: { where: node.id, branch } });
    },
    selected: (mask: number, branch: 'then' | 'else') => b.add('keep', [dy, mask], 'backward', node.span, { ...extras, whereMask: { where: node.id, branch } }),
    literal: (ref: number) => {
      const n = b.nodes[ref]!;
      const inner = n.op === 'neg' ? b.nodes[n.inputs[0]!]! : n;
      if (inner.op !== 'const' || inner.pass !== 'forward' || inner.constant) return undefined;
      return n === inner ? inner.text : `-${inner.text}`;
    },
  }) as unknown as GradContext;
}

/** What the shared op calls read from the context they are called on. */
interface ContextState {
  b: GraphBuilder;
  span: GraphNode['span'];
  extras: { gradOf: { node: number; input: number } };
}

/** Every op as a method appending a backward node with the context's span and provenance. */
const OP_CALLS: object = Object.fromEntries(
  OP_NAMES.filter((op) => op !== 'const' && op !== 'var').map((op) => [
    op,
    function (this: ContextState, ...inputs: number[]) {
      return this.b.add(op as OpName, inputs, 'backward', this.span, this.extras);
    },
  ]),
);
