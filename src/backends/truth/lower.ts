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
    } else if (node.op === 'hypot' || node.op === 'norm' || node.op === 'norm3') {
      // sqrt(a^2 + b^2 [+ c^2]) exactly: what hypot and the Euclidean norm are, whatever the frameworks' steps
      out = b.prim('sqrt', args.slice(1).reduce((s, a) => b.add(s, b.square(a)), b.square(args[0]!)));
    } else if (node.op === 'sinc') out = sinc(b, args[0]!); else if (node.op === 'logsumexp' || node.op === 'logsumexp3') out = logSumExp(b, args);
    else if (node.op === 'bceTorch') {
      const [p, y] = [args[0]!, args[1]!];
      const clamp = (e: number) => b.g.add({ k: 'max', args: [e, b.int(-100)] });
      out = b.sub(b.mul(b.sub(y, b.one), clamp(b.prim('log1p', b.neg(p)))), b.mul(y, clamp(b.prim('log', p))));
    } else if (node.op === 'bceLogitsTorch') {
      const [x, y] = [args[0]!, args[1]!];
      out = b.add(b.mul(b.sub(b.one, y), x), b.prim('softplus', b.neg(x)));
    } else if (node.op === 'toFloat32') out = args[0]!;
    else if (node.op === 'floor') out = b.g.add({ k: 'floor', args });
    else if (node.op === 'ceil') out = b.neg(b.g.add({ k: 'floor', args: [b.neg(args[0]!)] }));
    else if (node.op === 'round') out = roundHalfEven(b, args[0]!);
    else if (node.op === 'relu') out = b.g.add({ k: 'max', args: [args[0]!, b.zero] });
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

/**
 * log(sum(exp(x_i))) as x_k + log(sum(exp(x_i - x_k))) with x_k the largest term, chosen by where: each branch is the
 * same analytic function, so its derivative is exact at ties too (a max would leave a kink there), and no exp of a
 * huge argument is formed.
 */
function logSumExp(b: Builder, xs: readonly number[]): number {
  const at = (k: number) => b.add(xs[k]!, b.prim('log', xs.map((x) => b.prim('exp', b.sub(x, xs[k]!))).reduce((s, e) => b.add(s, e))));
  const largest = (k: number) => xs.map((x, i) => (i === k ? undefined : b.cmp('ge', xs[k]!, x))).filter((c): c is number => c !== undefined)
    .reduce((all, c) => b.g.add({ k: 'logic', op: 'and', args: [all, c] }));
  let out = at(xs.length - 1);
  for (let k = xs.length - 2; k >= 0; k--) out = b.where(largest(k), at(k), out);
  return out;
}

/** Half to even: f = floor(x + 1/2), less 1 where x + 1/2 is an odd integer (x a half-integer between f - 1 and f). */
function roundHalfEven(b: Builder, x: number): number {
  const t = b.add(x, b.literal('0.5'));
  // f * 0.5, not f / 2: a quotient's series is known only to its order, so a limit could not tell f / 2 from an integer
  const f = b.g.add({ k: 'floor', args: [t] });
  const half = b.g.add({ k: 'floor', args: [b.mul(f, b.literal('0.5'))] });
  const odd = b.cmp('ne', f, b.mul(b.int(2), half));
  const tie = b.g.add({ k: 'logic', op: 'and', args: [b.cmp('eq', t, f), odd] });
  return b.where(tie, b.sub(f, b.one), f);
}

/**
 * sin(pi x) / (pi x), 1 at 0. At a nonzero integer n it is written (-1)^n sin(pi (x - n)) / (pi x), the same function,
 * whose sine is of an exact 0: so the value there is an exact 0 (a ball around sin(pi n) could never show it), and the
 * derivative (-1)^n / n is exact too (round is flat at integers).
 */
function sinc(b: Builder, x: number): number {
  const pi = b.prim('acos', b.int(-1));
  const n = roundHalfEven(b, x);
  // (-1)^n as cos(pi n): a parity by floor(n / 2) would put a jump in the derivative at even n
  const sign = b.prim('cos', b.mul(pi, n));
  const atInteger = b.div(b.mul(sign, b.prim('sin', b.mul(pi, b.sub(x, n)))), b.mul(pi, x));
  const general = b.div(b.prim('sin', b.mul(pi, x)), b.mul(pi, x));
  return b.where(b.cmp('eq', x, b.zero), b.one, b.where(b.cmp('eq', x, n), atInteger, general));
}
