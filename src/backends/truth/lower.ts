import type { Graph } from '../../graph/graph.js';
import { walkBack } from '../../graph/walk.js';
import type { Builder } from './build.js';
import type { Rel } from './pgraph.js';
import type { PrimOp } from './prim.js';

const REL: Partial<Record<string, Rel>> = {
  less: 'lt', lessEqual: 'le', greater: 'gt', greaterEqual: 'ge', equal: 'eq', notEqual: 'ne',
};

const PRIM = new Set<string>([
  'add', 'sub', 'mul', 'div', 'neg', 'abs', 'sqrt', 'square', 'reciprocal', 'exp', 'expm1', 'log', 'log1p',
  'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'asin', 'acos', 'atan', 'atan2', 'pow', 'sigmoid', 'softplus', 'erf', 'erfc', 'asinh', 'acosh', 'atanh', 'log2', 'log10',
]);

/**
 * The forward part of a graph as primitive nodes: returns the primitive id of every forward node
 * reachable from the output (clip is TF's clip_by_value, max(min(x, hi), lo); cast is the identity; pi and e are the
 * exact constants, acos(-1) and exp(1), not their 60 digits of text). Nodes are in topological order, so one loop
 * over the reachable ones, without recursion (a graph may be thousands of ops deep).
 */
export function lowerForward(graph: Graph, b: Builder): Map<number, number> {
  const ids = new Map<number, number>();
  const reachable = [...walkBack(graph, graph.output)].sort((x, y) => x - y);
  for (const id of reachable) {
    const node = graph.nodes[id]!;
    const args = node.inputs.map((k) => ids.get(k)!);
    let out: number;
    if (node.op === 'const' && node.constant === 'pi') out = b.g.add({ k: 'prim', op: 'acos', args: [b.int(-1)] });
    else if (node.op === 'const' && node.constant === 'e') out = b.g.add({ k: 'prim', op: 'exp', args: [b.one] });
    else if (node.op === 'const') out = b.literal(node.text ?? String(node.value));
    else if (node.op === 'var') out = b.g.add({ k: 'var', name: node.name! });
    else if (PRIM.has(node.op)) out = b.g.add({ k: 'prim', op: node.op as PrimOp, args });
    else if (REL[node.op]) out = b.cmp(REL[node.op]!, args[0]!, args[1]!);
    else if (node.op === 'logicalAnd') out = b.g.add({ k: 'logic', op: 'and', args });
    else if (node.op === 'logicalOr') out = b.g.add({ k: 'logic', op: 'or', args });
    else if (node.op === 'logicalNot') out = b.g.add({ k: 'logic', op: 'not', args });
    else if (node.op === 'where') out = b.g.add({ k: 'where', args });
    else if (node.op === 'sign') out = b.g.add({ k: 'sign', args });
    else if (node.op === 'softsign') out = b.div(args[0]!, b.add(b.one, b.prim('abs', args[0]!)));
    else if (node.op === 'elu') out = b.where(b.cmp('gt', args[0]!, b.zero), args[0]!, b.prim('expm1', args[0]!));
    else if (node.op === 'selu') {
      const x = args[0]!;
      const scale = b.literal('1.0507009873554804934193349852946');
      const alpha = b.literal('1.6732632423543772848170429916717');
      out = b.mul(scale, b.where(b.cmp('gt', x, b.zero), x, b.mul(alpha, b.prim('expm1', x))));
    } else if (node.op === 'silu') out = b.mul(args[0]!, b.prim('sigmoid', args[0]!));
    else if (node.op === 'gelu') {
      // x/2 (1 + erf(x / sqrt 2))
      const x = args[0]!;
      out = b.mul(b.div(x, b.int(2)), b.add(b.one, b.prim('erf', b.div(x, b.prim('sqrt', b.int(2))))));
    } else if (node.op === 'geluTanh') {
      // x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))): the approximation is the function computed; its constant exact
      const x = args[0]!;
      const c = b.prim('sqrt', b.div(b.int(2), b.prim('acos', b.int(-1))));
      const inner = b.mul(c, b.add(x, b.mul(b.literal('0.044715'), b.mul(b.square(x), x))));
      out = b.mul(b.div(x, b.int(2)), b.add(b.one, b.prim('tanh', inner)));
    } else if (node.op === 'mish') out = b.mul(args[0]!, b.prim('tanh', b.prim('softplus', args[0]!)));
    else if (node.op === 'xlogy' || node.op === 'xlog1py') {
      const [x, y] = [args[0]!, args[1]!];
      out = b.where(b.cmp('eq', x, b.zero), b.zero, b.mul(x, b.prim(node.op === 'xlogy' ? 'log' : 'log1p', y)));
    } else if (node.op === 'relu6') out = b.g.add({ k: 'min', args: [b.g.add({ k: 'max', args: [args[0]!, b.zero] }), b.int(6)] });
    else if (node.op === 'leakyRelu') out = b.where(b.cmp('gt', args[0]!, b.zero), args[0]!, b.mul(args[1]!, args[0]!));
    else if (node.op === 'rsqrt') out = b.prim('reciprocal', b.prim('sqrt', args[0]!));
    else if (node.op === 'logSigmoid') out = b.neg(b.prim('softplus', b.neg(args[0]!)));
    else if (node.op === 'logaddexp') {
      const [x, y] = [args[0]!, args[1]!];
      const m = b.g.add({ k: 'max', args: [x, y] });
      out = b.add(m, b.prim('log1p', b.prim('exp', b.neg(b.prim('abs', b.sub(x, y))))));
    } else if (node.op === 'relu') out = b.g.add({ k: 'max', args: [args[0]!, b.zero] });
    else if (node.op === 'maximum') out = b.g.add({ k: 'max', args });
    else if (node.op === 'minimum') out = b.g.add({ k: 'min', args });
    else if (node.op === 'clip') {
      out = b.g.add({ k: 'max', args: [b.g.add({ k: 'min', args: [args[0]!, args[2]!] }), args[1]!] });
    } else if (node.op === 'step') out = b.g.add({ k: 'step', args });
    else if (node.op === 'cast') out = args[0]!;
    // keep(dy, cond): dy where cond holds, else 0 (cond is a 0/1 value here, as cast gives it)
    else if (node.op === 'keep') out = b.g.add({ k: 'where', args: [b.cmp('ne', args[1]!, b.zero), args[0]!, b.zero] });
    else throw new Error(`truth: no exact semantics for op '${node.op}'`);
    ids.set(id, out);
  }
  return ids;
}
