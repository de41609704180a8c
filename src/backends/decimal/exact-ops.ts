import type { OpName } from '../../vocab/ops.js';
import * as fn from './functions.js';
import { Arith, fail, type X } from './xnum.js';

/**
 * The mathematical meaning of every op with its exact derivative (forward mode): value(x) and
 * grad(x, y, dx) = dy for one direction, where x are the input values, y the output value and dx
 * the inputs' partials. where, const and var are handled by the evaluator.
 */
export interface Rule {
  value(ar: Arith, x: X[]): X;
  grad(ar: Arith, x: X[], y: X, dx: X[]): X;
}

type RuleName = Exclude<OpName, 'where' | 'const' | 'var'>;

const notDifferentiable = (what: string): X => fail('singular', `${what} is not differentiable here`);
const kink = (what: string): X => ({ ...fail('singular', `${what} is not differentiable here`), bounded: true });

/** A unary op whose derivative is f'(x) * dx. */
function chain(value: (ar: Arith, x: X) => X, slope: (ar: Arith, x: X, y: X) => X): Rule {
  return {
    value: (ar, [x]) => value(ar, x!),
    grad: (ar, [x], y, [dx]) => ar.mul(slope(ar, x!, y), dx!),
  };
}

function boolean(test: (c: -1 | 0 | 1) => boolean): Rule {
  return {
    value: (ar, [a, b]) => {
      const c = ar.cmp(a!, b!);
      return typeof c === 'number' ? (test(c) ? ar.one : ar.zero) : c;
    },
    grad: (ar) => ar.zero,
  };
}

function logic(f: (a: boolean, b: boolean) => boolean): Rule {
  return {
    value: (ar, [a, b]) => {
      if (a!.k === 'fail') return a!;
      if (b && b.k === 'fail') return b;
      const truth = (v: X | undefined) => v !== undefined && (v.k !== 'num' || !v.d.isZero());
      return f(truth(a), truth(b)) ? ar.one : ar.zero;
    },
    grad: (ar) => ar.zero,
  };
}

/** maximum/minimum: the partial of the chosen input; at a tie only when both partials agree. */
function extreme(pickFirst: (c: -1 | 0 | 1) => boolean, name: string): Rule {
  return {
    value: (ar, [a, b]) => {
      const c = ar.cmp(a!, b!);
      return typeof c === 'number' ? (pickFirst(c) ? a! : b!) : c;
    },
    grad: (ar, [a, b], _y, [da, db]) => {
      const c = ar.cmp(a!, b!);
      if (typeof c !== 'number') return c;
      if (c === 0) return agree(ar, da!, db!) ?? kink(`${name} at a tie`);
      return pickFirst(c) ? da! : db!;
    },
  };
}

/** The common partial when two partials are provably equal. */
function agree(ar: Arith, p: X, q: X): X | undefined {
  if (p === q) return p;
  const c = ar.cmp(p, q);
  return c === 0 ? p : undefined;
}

const square = (ar: Arith, v: X) => ar.mul(v, v);

export const EXACT_OPS: Readonly<Record<RuleName, Rule>> = {
  add: { value: (ar, [a, b]) => ar.add(a!, b!), grad: (ar, _x, _y, [da, db]) => ar.add(da!, db!) },
  sub: { value: (ar, [a, b]) => ar.sub(a!, b!), grad: (ar, _x, _y, [da, db]) => ar.sub(da!, db!) },
  mul: {
    value: (ar, [a, b]) => ar.mul(a!, b!),
    grad: (ar, [a, b], _y, [da, db]) => ar.add(ar.mul(da!, b!), ar.mul(a!, db!)),
  },
  div: {
    value: (ar, [a, b]) => ar.div(a!, b!),
    // (da - y db) / b
    grad: (ar, [, b], y, [da, db]) => ar.div(ar.sub(da!, ar.mul(y, db!)), b!),
  },
  neg: { value: (ar, [a]) => ar.neg(a!), grad: (ar, _x, _y, [da]) => ar.neg(da!) },
  pow: {
    value: (ar, [a, b]) => fn.pow(ar, a!, b!),
    grad: (ar, [a, b], y, [da, db]) => {
      // d(a^b) = b a^(b-1) da + a^b ln(a) db; each term only where its partial is nonzero.
      const viaBase = isZero(da!) ? ar.zero : ar.mul(ar.mul(b!, fn.pow(ar, a!, ar.sub(b!, ar.one))), da!);
      const viaExponent = isZero(db!) ? ar.zero : ar.mul(ar.mul(y, fn.log(ar, a!)), db!);
      return ar.add(viaBase, viaExponent);
    },
  },
  exp: chain((ar, x) => ar.exp(x), (_ar, _x, y) => y),
  log: chain(fn.log, (ar, x) => ar.div(ar.one, x)),
  expm1: chain(fn.expm1, (ar, x) => ar.exp(x)),
  log1p: chain(fn.log1p, (ar, x) => ar.div(ar.one, ar.add(ar.one, x))),
  sqrt: chain(fn.sqrt, (ar, _x, y) => ar.div(ar.one, ar.mul(fn.two(ar), y))),
  abs: {
    value: (ar, [x]) => fn.abs(ar, x!),
    grad: (ar, [x], _y, [dx]) => {
      const c = ar.cmp(x!, ar.zero);
      if (typeof c !== 'number') return c;
      if (c === 0) return kink('abs at 0');
      return c > 0 ? dx! : ar.neg(dx!);
    },
  },
  square: chain((ar, x) => square(ar, x), (ar, x) => ar.mul(fn.two(ar), x)),
  reciprocal: chain((ar, x) => ar.div(ar.one, x), (ar, x, y) => ar.neg(ar.div(y, x))),
  sign: {
    value: (ar, [x]) => fn.sign(ar, x!),
    grad: (ar, [x]) => {
      const c = ar.cmp(x!, ar.zero);
      if (typeof c !== 'number') return c;
      // At 0 sign jumps; the limit step rejects the jump unless it is multiplied away (sign(x) * x^2).
      return c === 0 ? notDifferentiable('sign at 0') : ar.zero;
    },
  },
  sin: chain((ar, x) => fn.trig(ar, 'sin', x), (ar, x) => fn.trig(ar, 'cos', x)),
  cos: chain((ar, x) => fn.trig(ar, 'cos', x), (ar, x) => ar.neg(fn.trig(ar, 'sin', x))),
  tan: chain((ar, x) => fn.trig(ar, 'tan', x), (ar, _x, y) => ar.add(ar.one, square(ar, y))),
  tanh: chain(fn.tanh, (ar, x) => ar.div(ar.one, square(ar, fn.cosh(ar, x)))),
  sinh: chain(fn.sinh, (ar, x) => fn.cosh(ar, x)),
  cosh: chain(fn.cosh, (ar, x) => fn.sinh(ar, x)),
  asin: chain((ar, x) => fn.trig(ar, 'asin', x), (ar, x) => ar.div(ar.one, oneMinusSquareRoot(ar, x))),
  acos: chain((ar, x) => fn.trig(ar, 'acos', x), (ar, x) => ar.neg(ar.div(ar.one, oneMinusSquareRoot(ar, x)))),
  atan: chain((ar, x) => fn.trig(ar, 'atan', x), (ar, x) => ar.div(ar.one, ar.add(ar.one, square(ar, x)))),
  atan2: {
    value: (ar, [y, x]) => fn.atan2(ar, y!, x!),
    // (x dy - y dx) / (x^2 + y^2)
    grad: (ar, [y, x], _r, [dy, dx]) =>
      ar.div(ar.sub(ar.mul(x!, dy!), ar.mul(y!, dx!)), ar.add(square(ar, x!), square(ar, y!))),
  },
  sigmoid: chain(fn.sigmoid, (ar, x, y) => ar.mul(y, fn.sigmoid(ar, ar.neg(x)))),
  softplus: chain(fn.softplus, (ar, x) => fn.sigmoid(ar, x)),
  maximum: extreme((c) => c >= 0, 'maximum'),
  minimum: extreme((c) => c <= 0, 'minimum'),
  clip: {
    value: (ar, [x, lo, hi]) => clipPick(ar, x!, lo!, hi!, [x!, lo!, hi!]),
    grad: (ar, [x, lo, hi], _y, [dx, dlo, dhi]) => clipPick(ar, x!, lo!, hi!, [dx!, dlo!, dhi!]),
  },
  less: boolean((c) => c < 0),
  lessEqual: boolean((c) => c <= 0),
  greater: boolean((c) => c > 0),
  greaterEqual: boolean((c) => c >= 0),
  equal: boolean((c) => c === 0),
  notEqual: boolean((c) => c !== 0),
  logicalAnd: logic((a, b) => a && b),
  logicalOr: logic((a, b) => a || b),
  logicalNot: logic((a) => !a),
  cast: { value: (_ar, [x]) => x!, grad: (_ar, _x, _y, [dx]) => dx! },
  keep: { value: (ar, [x, c]) => (isZero(c!) ? ar.zero : x!), grad: (ar, [, c], _y, [dx]) => (isZero(c!) ? ar.zero : dx!) },
  step: {
    value: (ar, [x, alpha]) => {
      const c = ar.cmp(x!, ar.zero);
      return typeof c === 'number' ? (c > 0 ? ar.one : alpha!) : c;
    },
    grad: (ar) => ar.zero,
  },
};

/** sqrt(1 - x^2) as sqrt((1 - x)(1 + x)): no cancellation near +-1. */
function oneMinusSquareRoot(ar: Arith, x: X): X {
  return fn.sqrt(ar, ar.mul(ar.sub(ar.one, x), ar.add(ar.one, x)));
}

/** clip(x, lo, hi) picks from [x-thing, lo-thing, hi-thing]; at a bound, only partials that agree. */
function clipPick(ar: Arith, x: X, lo: X, hi: X, from: [X, X, X]): X {
  const cl = ar.cmp(x, lo);
  if (typeof cl !== 'number') return cl;
  const ch = ar.cmp(x, hi);
  if (typeof ch !== 'number') return ch;
  if (cl < 0) return from[1];
  if (ch > 0) return from[2];
  const isGrad = from[0] !== x;
  if (isGrad && cl === 0) return agree(ar, from[0], from[1]) ?? kink('clip at its lower bound');
  if (isGrad && ch === 0) return agree(ar, from[0], from[2]) ?? kink('clip at its upper bound');
  return from[0];
}

function isZero(x: X): boolean {
  return x.k === 'num' && x.d.isZero() && x.exact && !x.noisy;
}
