// Golden values and gradients from TensorFlow.js (cpu backend), from the grid that oracle/frameworks.py uses.
//   node oracle/tfjs.mjs   -> fixtures/frameworks/tfjs.jsonl
// Same method as frameworks.py: each case is a batch (every variable a 1-D tensor of the points tiled 64 times),
// gradients are tf.grads with an upstream of ones. TF.js has no float64, so only float32 rows are written.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '..', 'fixtures', 'frameworks');
const TILE = 64; // the same as frameworks.py (TF.js's cpu kernels are plain JS loops, so it matters less here)
const DTYPE = 'float32';

// ------------------------------------------------------------- numbers

function parseNumber(text) {
  const t = text.trim().toLowerCase();
  if (t === 'nan' || t === '-nan') return NaN;
  if (t === 'inf') return Infinity;
  if (t === '-inf') return -Infinity;
  return Number(text);
}

function resolve(sym, grid) {
  const neg = sym.startsWith('-');
  const body = neg ? sym.slice(1) : sym;
  const v = parseNumber(grid.symbols[DTYPE][body] ?? body);
  return Math.fround(neg ? -v : v);
}

/** Python's repr of the double (shortest round-trip digits, Python's layout), so every .jsonl spells numbers alike. */
export function pyRepr(v) {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const sign = v < 0 ? '-' : '';
  const [mant, expText] = Math.abs(v).toExponential().split('e');
  const e = Number(expText);
  const digits = mant.replace('.', '');
  if (e >= -4 && e < 16) {
    if (e < 0) return sign + '0.' + '0'.repeat(-e - 1) + digits;
    const int = digits.slice(0, e + 1).padEnd(e + 1, '0');
    return sign + int + '.' + (digits.slice(e + 1) || '0');
  }
  const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  return sign + m + 'e' + (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');
}

// ------------------------------------------------------------- the expression (Python's precedence, as ast in frameworks.py)

function tokenize(src) {
  const re = /\s*(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z_0-9]*|\*\*|==|!=|<=|>=|[-+*/(),<>])/y;
  const out = [];
  let m;
  re.lastIndex = 0;
  while (re.lastIndex < src.length && (m = re.exec(src)) !== null) out.push(m[1]);
  if (re.lastIndex < src.trimEnd().length) throw new Error(`cannot read ${src} at ${re.lastIndex}`);
  return out;
}

export function parse(src) {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const take = (t) => {
    if (t !== undefined && toks[i] !== t) throw new Error(`expected ${t} in ${src}`);
    return toks[i++];
  };
  const compare = () => {
    const left = additive();
    if (['<', '>', '==', '!=', '<=', '>='].includes(peek())) return { op: take(), args: [left, additive()] };
    return left;
  };
  const additive = () => {
    let left = multiplicative();
    while (peek() === '+' || peek() === '-') left = { op: take(), args: [left, multiplicative()] };
    return left;
  };
  const multiplicative = () => {
    let left = unary();
    while (peek() === '*' || peek() === '/') left = { op: take(), args: [left, unary()] };
    return left;
  };
  const unary = () => {
    if (peek() === '-') { take(); const a = unary(); return a.lit !== undefined ? { lit: -a.lit } : { op: 'neg', args: [a] }; }
    if (peek() === '+') { take(); return unary(); }
    return power();
  };
  const power = () => {
    const base = primary();
    if (peek() === '**') { take(); return { op: '**', args: [base, unary()] }; }
    return base;
  };
  const primary = () => {
    const t = take();
    if (t === '(') { const e = compare(); take(')'); return e; }
    if (/^[\d.]/.test(t)) return { lit: Number(t) };
    if (peek() === '(') {
      take('(');
      const args = [];
      while (peek() !== ')') { args.push(compare()); if (peek() === ',') take(','); }
      take(')');
      return { call: t, args };
    }
    return { name: t };
  };
  const e = compare();
  if (i !== toks.length) throw new Error(`trailing input in ${src}`);
  return e;
}

// ------------------------------------------------------------- TF.js's own spellings

class Missing extends Error {}

const stack = (xs) => tf.stack(xs, 0);
const OPS = {
  exp: ['tf.exp', tf.exp], log: ['tf.log', tf.log], expm1: ['tf.expm1', tf.expm1], log1p: ['tf.log1p', tf.log1p],
  sqrt: ['tf.sqrt', tf.sqrt], abs: ['tf.abs', tf.abs], square: ['tf.square', tf.square],
  reciprocal: ['tf.reciprocal', tf.reciprocal], sign: ['tf.sign', tf.sign], sin: ['tf.sin', tf.sin],
  cos: ['tf.cos', tf.cos], tan: ['tf.tan', tf.tan], tanh: ['tf.tanh', tf.tanh], sinh: ['tf.sinh', tf.sinh],
  cosh: ['tf.cosh', tf.cosh], asin: ['tf.asin', tf.asin], acos: ['tf.acos', tf.acos], atan: ['tf.atan', tf.atan],
  sigmoid: ['tf.sigmoid', tf.sigmoid], softplus: ['tf.softplus', tf.softplus], relu: ['tf.relu', tf.relu],
  relu6: ['tf.relu6', tf.relu6], leaky_relu: ['tf.leakyRelu(x, alpha)', (x, a) => tf.leakyRelu(x, a)],
  elu: ['tf.elu', tf.elu], selu: ['tf.selu', tf.selu], log_sigmoid: ['tf.logSigmoid', tf.logSigmoid],
  erf: ['tf.erf', tf.erf], rsqrt: ['tf.rsqrt', tf.rsqrt], asinh: ['tf.asinh', tf.asinh],
  acosh: ['tf.acosh', tf.acosh], atanh: ['tf.atanh', tf.atanh], floor: ['tf.floor', tf.floor],
  ceil: ['tf.ceil', tf.ceil], round: ['tf.round', tf.round],
  clip: ['tf.clipByValue', (x, lo, hi) => tf.clipByValue(x, lo, hi)], pow: ['tf.pow', tf.pow],
  atan2: ['tf.atan2', tf.atan2], maximum: ['tf.maximum', tf.maximum], minimum: ['tf.minimum', tf.minimum],
  logsumexp: ['tf.logSumExp(tf.stack(.), 0)', (...xs) => tf.logSumExp(stack(xs), 0)],
  where: ['tf.where', tf.where], less: ['tf.less', tf.less], greater: ['tf.greater', tf.greater],
  equal: ['tf.equal', tf.equal], less_equal: ['tf.lessEqual', tf.lessEqual],
  greater_equal: ['tf.greaterEqual', tf.greaterEqual], not_equal: ['tf.notEqual', tf.notEqual],
  norm: ["tf.norm(tf.stack(.), 'euclidean', 0)", (x, y) => tf.norm(stack([x, y]), 'euclidean', 0)],
  binary_crossentropy: ['tf.metrics.binaryCrossentropy (epsilon clip)',
    (p, y) => tf.metrics.binaryCrossentropy(y.expandDims(1), p.expandDims(1))],
  bce_with_logits: ['tf.losses.sigmoidCrossEntropy(Reduction.NONE)',
    (z, y) => tf.losses.sigmoidCrossEntropy(y, z, undefined, 0, tf.Reduction.NONE)],
};
const COMPARE = { '<': 'less', '>': 'greater', '==': 'equal', '!=': 'not_equal', '<=': 'less_equal', '>=': 'greater_equal' };
const ARITH = { '+': tf.add, '-': tf.sub, '*': tf.mul, '/': tf.div, '**': tf.pow };

// TF.js has no gradient for Less and friends, so a comparison on the tape breaks tf.grads. Like f-diagnose's tfjs
// backend, the conditions are computed once off the tape (conds empty) and then replayed as constants (conds filled).
function evaluate(node, env, used, conds) {
  const call = (name, args) => {
    const op = OPS[name];
    if (op === undefined) throw new Missing(name);
    used.add(op[0]);
    return op[1](...args);
  };
  const ev = (n) => {
    if (n.lit !== undefined) return { lit: n.lit };
    if (n.name !== undefined) return env[n.name];
    const args = n.args.map(ev);
    const t = (a) => (a.lit !== undefined ? tf.scalar(a.lit, DTYPE) : a);
    if (n.op === 'neg') return tf.neg(args[0]);
    if (n.op in ARITH) return ARITH[n.op](t(args[0]), t(args[1]));
    if (n.op in COMPARE) {
      if (!conds.has(n)) conds.set(n, tf.keep(call(COMPARE[n.op], args.map(t))));
      return conds.get(n);
    }
    if (n.call === 'clip' || n.call === 'leaky_relu') return call(n.call, [args[0], ...args.slice(1).map((a) => a.lit)]);
    return call(n.call, args.map(t));
  };
  const out = ev(node);
  return out.lit !== undefined ? tf.scalar(out.lit, DTYPE) : out;
}

function run(expr, vars, columns) {
  const tree = parse(expr);
  const used = new Set();
  const conds = new Map();
  const f = (...xs) => {
    const out = evaluate(tree, Object.fromEntries(vars.map((v, k) => [v, xs[k]])), used, conds);
    return out.shape.length === xs[0].shape.length && out.size === xs[0].size ? out : tf.broadcastTo(out, xs[0].shape);
  };
  const xs = columns.map((c) => tf.tensor1d(c, DTYPE));
  const value = tf.tidy(() => f(...xs)).dataSync();
  let grads;
  try {
    grads = tf.tidy(() => tf.grads(f)(xs)).map((g) => g.dataSync());
  } catch (err) {
    if (err instanceof Missing) throw err;
    grads = vars.map(() => null);
  }
  xs.forEach((x) => x.dispose());
  conds.forEach((c) => c.dispose());
  return { value, grads, used: [...used].sort() };
}

// ------------------------------------------------------------- the grid (the same expansion as frameworks.py)

function expandCases(grid) {
  const out = [];
  for (const c of grid.unary) out.push({ case: c.case, expr: c.expr, vars: ['x'], inputs: grid.unary_inputs, extra: c.extra ?? [] });
  const pairs = grid.pair_inputs.flatMap((a) => grid.pair_inputs.map((b) => [a, b]));
  for (const c of grid.binary) out.push({ case: c.case, expr: c.expr, vars: ['x', 'y'], points: pairs });
  const t = grid.triple_inputs;
  const triples = t.flatMap((a) => t.flatMap((b) => t.map((d) => [a, b, d])));
  for (const c of grid.ternary) out.push({ case: c.case, expr: c.expr, vars: ['x', 'y', 'z'], points: triples });
  for (const c of grid.composites) {
    if (c.pairs) out.push({ case: c.case, expr: c.expr, vars: c.vars ?? ['x', 'y'], points: c.pairs });
    else out.push({ case: c.case, expr: c.expr, vars: c.vars ?? ['x'], points: c.x.map((v) => [v]) });
  }
  return out;
}

function pointsFor(c) {
  if (c.points) return c.points;
  const extra = Array.isArray(c.extra) ? c.extra : (c.extra[DTYPE] ?? []);
  return [...c.inputs, ...extra.filter((e) => !c.inputs.includes(e))].map((v) => [v]);
}

function runCase(c, grid) {
  const pts = pointsFor(c);
  const cols = c.vars.map((_, i) => Float32Array.from(pts, (p) => resolve(p[i], grid)));
  const tiled = cols.map((col) => { const a = new Float32Array(col.length * TILE); for (let k = 0; k < TILE; k++) a.set(col, k * col.length); return a; });
  const { value, grads, used } = run(c.expr, c.vars, tiled);
  const rows = pts.map((_, k) => ({
    case: c.case, expr: c.expr, dtype: DTYPE,
    args: Object.fromEntries(c.vars.map((v, i) => [v, pyRepr(cols[i][k])])),
    value: pyRepr(value[k]),
    grad: Object.fromEntries(c.vars.map((v, i) => [v, grads[i] === null ? null : pyRepr(grads[i][k])])),
  }));
  return { rows, used };
}

function classify(v) {
  if (v === null) return 'none';
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return v === 0 ? '0' : 'finite';
}

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const ordered = (v) => { f32[0] = v; return i32[0] >= 0 ? i32[0] : -(i32[0] & 0x7fffffff); };
const unordered = (i) => { i32[0] = i >= 0 ? i : (-i) | 0x80000000; return f32[0]; };

function runCliff(cliff) {
  const holds = (x) => {
    const { value, grads } = run(cliff.expr, ['x'], [new Float32Array(64).fill(x)]);
    const v = cliff.target === 'value' ? value[0] : (grads[0] === null ? null : grads[0][0]);
    return classify(v) === cliff.is;
  };
  let lo = ordered(parseNumber(cliff.lo));
  let hi = ordered(parseNumber(cliff.hi));
  const base = { case: cliff.case, kind: 'cliff', expr: cliff.expr, dtype: DTYPE, target: cliff.target, is: cliff.is };
  if (!holds(unordered(lo)) || holds(unordered(hi))) {
    return { ...base, last_true: null, first_false: null, note: 'predicate does not change between lo and hi' };
  }
  while (Math.abs(hi - lo) > 1) {
    const mid = Math.trunc((lo + hi) / 2);
    if (holds(unordered(mid))) lo = mid; else hi = mid;
  }
  return { ...base, last_true: pyRepr(unordered(lo)), first_false: pyRepr(unordered(hi)) };
}

function flagsFrom(rows, grid) {
  const minNormal = resolve('min_normal', grid);
  const subIn = rows.filter((r) => r.case === 'ftz_mul1' && parseNumber(r.args.x) < minNormal);
  const prod = rows.filter((r) => r.case === 'ftz_underflow').filter((r) => {
    const p = Math.abs(parseNumber(r.args.x) * parseNumber(r.args.y));
    return p > 0 && p < minNormal;
  });
  const keptIn = subIn.every((r) => parseNumber(r.value) === parseNumber(r.args.x));
  const keptOut = prod.every((r) => parseNumber(r.value) !== 0);
  return {
    [DTYPE]: {
      subnormal_inputs_kept: keptIn, subnormal_results_kept: keptOut, ftz_daz: !keptIn || !keptOut,
      evidence: {
        'x*1': Object.fromEntries(subIn.map((r) => [r.args.x, r.value])),
        'x*y': Object.fromEntries(prod.map((r) => [`${r.args.x}*${r.args.y}`, r.value])),
      },
    },
  };
}

async function main() {
  if (!(await tf.setBackend('cpu'))) throw new Error('TensorFlow.js could not start its cpu backend');
  const grid = JSON.parse(readFileSync(join(HERE, 'grid.json'), 'utf8'));
  const rows = [];
  const skipped = { float64: 'TF.js has no float64 dtype: every float64 case' };
  const api = {};
  for (const c of expandCases(grid)) {
    try {
      const r = runCase(c, grid);
      rows.push(...r.rows);
      api[c.case] = r.used;
    } catch (err) {
      if (err instanceof Missing) skipped[c.case] = `no ${err.message} op`;
      else skipped[`${c.case}:${DTYPE}`] = `${err.name}: ${String(err.message).split('\n')[0].slice(0, 200)}`;
    }
  }
  const cliffs = [];
  for (const c of grid.cliffs) {
    try { cliffs.push(runCliff(c)); } catch (err) {
      if (err instanceof Missing) skipped[c.case] = `no ${err.message} op`; else throw err;
    }
  }
  const header = {
    header: true, framework: 'tfjs', version: tf.version.tfjs, versions: { 'tfjs-core': tf.version['tfjs-core'], node: process.versions.node },
    device: 'cpu', backend: tf.getBackend(), machine: process.arch, dtypes: [DTYPE], flags: flagsFrom(rows, grid),
    evaluation: `batched: each variable a 1-D tensor of the points tiled ${TILE} times; gradient = tf.grads with upstream ones; conditions computed off the tape (TF.js has no gradient for comparisons) and replayed as constants`,
    api, skipped, rows: rows.length, cliffs: cliffs.length,
  };
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, 'tfjs.jsonl');
  writeFileSync(path, [header, ...rows, ...cliffs].map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`tfjs: ${rows.length} rows, ${cliffs.length} cliffs, ${Object.keys(skipped).length} skipped -> ${path}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
