import type { Expr, Statement } from '../../src/parse/ast.js';

/**
 * An independent float64 evaluation of a program, straight over its AST with JavaScript's IEEE arithmetic and Math.*,
 * to check the graph evaluator against. Each op is written from its documented meaning (TF's kernels where TF defines
 * the edge cases), not taken from src/graph/ops.ts. Conditions are booleans here, never numbers.
 */
type Value = number | boolean;

interface Env {
  values: ReadonlyMap<string, Value>;
  /** The variables and the lets: what a function body sees besides its parameters (scoping is lexical). */
  globals: ReadonlyMap<string, Value>;
  functions: ReadonlyMap<string, { params: string[]; body: Expr }>;
}

export function referenceEvaluate(statements: readonly Statement[], point: ReadonlyMap<string, number>): number {
  const values = new Map<string, Value>(point);
  const functions = new Map<string, { params: string[]; body: Expr }>();
  let result: Value = NaN;
  for (const st of statements) {
    const env: Env = { values, globals: values, functions };
    if (st.kind === 'def') functions.set(st.name, { params: st.params, body: st.body });
    else if (st.kind === 'let') values.set(st.name, evaluate(st.body, env));
    else result = evaluate(st.body, env);
  }
  if (typeof result !== 'number') throw new Error('the program gives a condition');
  return result;
}

const n = (v: Value): number => {
  if (typeof v !== 'number') throw new Error('a condition where a number belongs');
  return v;
};
const b = (v: Value): boolean => {
  if (typeof v !== 'boolean') throw new Error('a number where a condition belongs');
  return v;
};

/** TF's softplus kernel (tensorflow/core/kernels/softplus_op.h): x past -log(eps)-2, exp(x) below log(eps)+2, else log1p(exp(x)). */
function softplus(x: number): number {
  const threshold = Math.log(Number.EPSILON) + 2;
  if (x > -threshold) return x;
  if (x < threshold) return Math.exp(x);
  return Math.log1p(Math.exp(x));
}

const UNARY: Record<string, (x: number) => number> = {
  exp: Math.exp, expm1: Math.expm1, log: Math.log, log1p: Math.log1p, sqrt: Math.sqrt, abs: Math.abs,
  square: (x) => x * x, reciprocal: (x) => 1 / x, neg: (x) => -x,
  // TF.js's cpu sign (the tfjs model): (0 < x) - (x < 0), so sign(-0) is +0 and sign(NaN) is 0
  sign: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0),
  sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh,
  // TF.js's cpu sigmoid kernel: 1 / (1 + exp(-x))
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  softplus,
  // issue 11's ops, as the tfjs model computes them in float64 (TF.js's kernels; its formulas where TF.js lacks the op)
  relu: (x) => (Number.isNaN(x) ? NaN : x > 0 ? x : 0),
  relu6: (x) => (Number.isNaN(x) ? NaN : Math.min(Math.max(x, 0), 6)),
  logSigmoid: (x) => -softplus(-x),
  erf: erfAS,
  erfc: (x) => 1 - erfAS(x),
  rsqrt: (x) => 1 / Math.sqrt(x),
  softsign: (x) => x / (1 + Math.abs(x)),
  // TF.js's cpu Elu / Selu: v >= 0 ? v : exp(v) - 1 (times scale and scale * alpha)
  elu: (x) => (x >= 0 ? x : Math.exp(x) - 1),
  selu: (x) => (x >= 0 ? 1.0507009873554805 * x : 1.7580993408473768 * (Math.exp(x) - 1)),
  silu: (x) => x / (1 + Math.exp(-x)),
  gelu: (x) => x * 0.5 * (1 + erfAS(x * Math.SQRT1_2)),
  geluTanh: (x) => x * 0.5 * (1 + Math.tanh(0.7978845608028654 * (x + 0.044715 * (x * x * x)))),
  mish: (x) => x * Math.tanh(softplus(x)),
  asinh: Math.asinh, acosh: Math.acosh, atanh: Math.atanh,
  log2: (x) => Math.log(x) / Math.LN2,
  log10: (x) => Math.log(x) / Math.LN10,
  // the normalised sinc, 1 at 0
  sinc: (x) => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x)),
  floor: Math.floor,
  ceil: Math.ceil,
  // half to even: Math.round goes up at a half, so an odd result there comes back down
  // a float32 cast and back
  toFloat32: Math.fround,
  round: (x) => {
    const r = Math.round(x);
    return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
  },
};

/** TF.js's erf (tfjs-backend-cpu Erf.js): Abramowitz & Stegun 7.1.26. */
function erfAS(x: number): number {
  const v = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * v);
  return Math.sign(x) * (1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-v * v));
}
const BINARY: Record<string, (x: number, y: number) => number> = {
  add: (x, y) => x + y, sub: (x, y) => x - y, mul: (x, y) => x * y, div: (x, y) => x / y, pow: (x, y) => x ** y,
  atan2: Math.atan2, maximum: Math.max, minimum: Math.min,
  logaddexp: (x, y) => (Number.isNaN(x - y) ? x + y : Math.max(x, y) + Math.log1p(Math.exp(-Math.abs(x - y)))),
  xlogy: (x, y) => (x === 0 ? 0 : x * Math.log(y)),
  xlog1py: (x, y) => (x === 0 ? 0 : x * Math.log1p(y)),
  // the tfjs model's formulas: sqrt of the squares (TF.js has no hypot), tf.logSumExp's shift by the maximum as it is
  hypot: (x, y) => Math.sqrt(x * x + y * y),
  norm: (x, y) => Math.sqrt(x * x + y * y),
  logsumexp: (x, y) => {
    const m = Math.max(x, y);
    return Math.log(Math.exp(x - m) + Math.exp(y - m)) + m;
  },
  // torch's binary_cross_entropy: each log clamped at -100
  // (1 - y) x - log_sigmoid(x), log_sigmoid as TF.js's -softplus(-x)
  bceLogitsTorch: (x, y) => (1 - y) * x + softplus(-x),
  bceTorch: (p, y) => (y - 1) * Math.max(Math.log1p(-p), -100) - y * Math.max(Math.log(p), -100),
};
const COMPARE: Record<string, (x: number, y: number) => boolean> = {
  '<': (x, y) => x < y, '<=': (x, y) => x <= y, '>': (x, y) => x > y, '>=': (x, y) => x >= y, '==': (x, y) => x === y, '!=': (x, y) => x !== y,
};
const COMPARE_CALL: Record<string, string> = { less: '<', lessEqual: '<=', greater: '>', greaterEqual: '>=', equal: '==', notEqual: '!=' };
const ARITH_OPERATOR: Record<string, string> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '**': 'pow' };

function evaluate(e: Expr, env: Env): Value {
  switch (e.kind) {
    case 'number':
      return Number(e.text);
    case 'name': {
      const v = env.values.get(e.name);
      if (v === undefined) throw new Error(`no value for ${e.name}`);
      return v;
    }
    case 'unary': {
      const v = evaluate(e.arg, env);
      return e.op === '~' ? !b(v) : e.op === '-' ? -n(v) : n(v);
    }
    case 'binary': {
      const l = evaluate(e.left, env);
      const r = evaluate(e.right, env);
      if (e.op === '&') return b(l) && b(r);
      if (e.op === '|') return b(l) || b(r);
      if (e.op in COMPARE) return COMPARE[e.op]!(n(l), n(r));
      return BINARY[ARITH_OPERATOR[e.op]!]!(n(l), n(r));
    }
    case 'call': {
      const args = e.args.map((a) => evaluate(a, env));
      if (e.op === null) {
        const fn = env.functions.get(e.callee)!;
        const values = new Map(env.globals);
        fn.params.forEach((p, i) => values.set(p, args[i]!));
        return evaluate(fn.body, { ...env, values });
      }
      const op = e.op;
      if (op === 'where') return b(args[0]!) ? n(args[1]!) : n(args[2]!);
      // TF's clip_by_value: maximum(minimum(x, hi), lo), NaN for a NaN x
      if (op === 'clip') return Number.isNaN(n(args[0]!)) ? NaN : Math.max(Math.min(n(args[0]!), n(args[2]!)), n(args[1]!));
      if (op === 'logicalAnd') return b(args[0]!) && b(args[1]!);
      if (op === 'logicalOr') return b(args[0]!) || b(args[1]!);
      if (op === 'logicalNot') return !b(args[0]!);
      if (op in COMPARE_CALL) return COMPARE[COMPARE_CALL[op]!]!(n(args[0]!), n(args[1]!));
      if (op in UNARY) return UNARY[op]!(n(args[0]!));
      if (op in BINARY) return BINARY[op]!(n(args[0]!), n(args[1]!));
      throw new Error(`no reference for ${op}`);
    }
  }
}
