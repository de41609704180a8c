import type { Builder } from './build.js';
import { dependencies } from './pgraph.js';
import * as Q from './rational.js';

/**
 * The exact partial derivative of node `root` by variable `name`, as new nodes of the same graph
 * (forward mode, memoised per node). Forms are chosen not to cancel where a naive one would:
 * tanh' = 1/cosh^2, sigmoid' = sigmoid(x) sigmoid(-x), asin' = 1/sqrt((1-x)(1+x)), tan' = 1 + tan^2.
 */
export function derive(b: Builder, root: number, name: string): number {
  const memo = new Map<number, number>();
  const d = (id: number): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const out = rule(id);
    memo.set(id, out);
    return out;
  };

  const rule = (id: number): number => {
    const n = b.g.node(id);
    switch (n.k) {
      case 'const':
        return b.zero;
      case 'var':
        return n.name === name ? b.one : b.zero;
      case 'cmp':
      case 'logic':
        return b.zero;
      case 'where': {
        const [c, x, y] = n.args as [number, number, number];
        const dx = d(x);
        const dy = d(y);
        return dx === dy ? dx : b.where(c, dx, dy);
      }
      case 'sign':
      case 'step': {
        const da = d(n.args[0]!);
        return b.isZero(da) ? b.zero : b.mul(b.g.add({ k: 'jump', args: [n.args[0]!] }), da);
      }
      case 'floor': {
        // 0 between integers, not defined where a is one (the jump of a - floor(a) from 0)
        const a = n.args[0]!;
        const da = d(a);
        return b.isZero(da) ? b.zero : b.mul(b.g.add({ k: 'jump', args: [b.sub(a, id)], what: 'floor jumps at an integer (ceil and round too, at theirs)' }), da);
      }
      case 'max':
      case 'min': {
        const [x, y] = n.args as [number, number];
        const dx = d(x);
        const dy = d(y);
        if (dx === dy) return dx;
        return b.g.add({ k: 'pick', sel: n.k, args: [x, y, dx, dy] });
      }
      case 'kink':
      case 'jump':
      case 'pick':
        throw new Error('truth: second derivatives are not supported');
      case 'prim':
        return primRule(id, n.op, n.args);
    }
  };

  const primRule = (y: number, op: string, args: number[]): number => {
    const [a, c] = args as [number, number];
    const da = d(a);
    if (args.length === 1 && b.isZero(da)) return b.zero;
    const chain = (slope: number) => b.mul(slope, da);
    const p = (o: Parameters<Builder['prim']>[0], ...xs: number[]) => b.prim(o, ...xs);
    switch (op) {
      case 'add': return b.add(da, d(c));
      case 'sub': return b.sub(da, d(c));
      case 'mul': return b.add(b.mul(da, c), b.mul(a, d(c)));
      case 'div': {
        const dc = d(c);
        // (da - y dc) / c
        return b.div(b.sub(da, b.mul(y, dc)), c);
      }
      case 'neg': return b.neg(da);
      case 'abs': return chain(b.g.add({ k: 'kink', args: [a] }));
      case 'square': return chain(b.mul(b.int(2), a));
      case 'reciprocal': return b.neg(b.div(da, b.square(a)));
      case 'sqrt': return b.div(da, b.mul(b.int(2), y));
      case 'exp': return chain(y);
      case 'expm1': return chain(p('exp', a));
      case 'log': return b.div(da, a);
      case 'log1p': return b.div(da, b.add(b.one, a));
      case 'sin': return chain(p('cos', a));
      case 'cos': return b.neg(chain(p('sin', a)));
      case 'tan': return chain(b.add(b.one, b.square(y)));
      case 'sinh': return chain(p('cosh', a));
      case 'cosh': return chain(p('sinh', a));
      case 'tanh': return b.div(da, b.square(p('cosh', a)));
      case 'asin': return b.div(da, oneMinusSquareRoot(a));
      case 'acos': return b.neg(b.div(da, oneMinusSquareRoot(a)));
      case 'atan': return b.div(da, b.add(b.one, b.square(a)));
      case 'atan2': {
        // atan2(a, c) is the angle of (c, a): (c da - a dc) / (a^2 + c^2)
        const dc = d(c);
        return b.div(b.sub(b.mul(c, da), b.mul(a, dc)), b.add(b.square(a), b.square(c)));
      }
      case 'sigmoid': return chain(b.mul(y, p('sigmoid', b.neg(a))));
      case 'softplus': return chain(p('sigmoid', a));
      // erf' = 2/sqrt(pi) exp(-a^2), pi being acos(-1) exactly
      case 'erf': return chain(b.mul(twoOverSqrtPi(), p('exp', b.neg(b.square(a)))));
      case 'erfc': return b.neg(chain(b.mul(twoOverSqrtPi(), p('exp', b.neg(b.square(a))))));
      case 'asinh': return b.div(da, p('sqrt', b.add(b.one, b.square(a))));
      case 'acosh': return b.div(da, p('sqrt', b.mul(b.sub(a, b.one), b.add(a, b.one))));
      case 'atanh': return b.div(da, b.mul(b.sub(b.one, a), b.add(b.one, a)));
      case 'log2': return b.div(da, b.mul(a, p('log', b.int(2))));
      case 'log10': return b.div(da, b.mul(a, p('log', b.int(10))));
      case 'hypot': return b.div(b.add(b.mul(a, da), b.mul(c, d(c))), y);
      case 'pow': {
        // d(a^c) = c a^(c-1) da + a^c log(a) dc, each term only where its partial is not 0
        const dc = d(c);
        const cq = b.constOf(c);
        const base = b.isZero(da) ? b.zero
          : cq && Q.eq(cq, Q.fromInt(2)) ? b.mul(b.mul(b.int(2), a), da)
          : b.mul(b.mul(c, p('pow', a, b.prim('sub', c, b.one))), da);
        const expo = b.isZero(dc) ? b.zero : b.mul(b.mul(y, p('log', a)), dc);
        return b.add(base, expo);
      }
      default:
        throw new Error(`truth: no derivative rule for '${op}'`);
    }
  };

  const twoOverSqrtPi = () => b.div(b.int(2), b.prim('sqrt', b.prim('acos', b.int(-1))));
  const oneMinusSquareRoot = (a: number) => b.prim('sqrt', b.mul(b.sub(b.one, a), b.add(b.one, a)));

  // Inputs first, so no rule recurses more than one level (a graph may be thousands of nodes deep).
  for (const id of dependencies(b.g, root)) d(id);
  return d(root);
}
