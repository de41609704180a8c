/**
 * One conformance table for every op of the language, run on the float32 emulator and on TF.js (cpu), with the
 * IEEE special inputs that scans only meet as intermediate values: +-0, NaN, +-inf, +-smallest subnormal, +-1, +-max
 * (tfjs-core's ops/*_test.ts style). Values must be identical, sign of zero included; gradients must agree in class.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { evaluateFloat } from '../../src/backends/float.js';
import { evaluateTfjs } from '../../src/backends/tfjs/evaluate.js';
import { loadTfjs, type TfjsRuntime } from '../../src/backends/tfjs/load.js';
import { compile } from '../../src/graph/compile.js';

/** These tests pin TF.js's rules and kernels (they compare with TF.js itself): the tfjs framework. */
const TFJS = { framework: 'tfjs' } as const;

let rt: TfjsRuntime;
before(async () => {
  rt = await loadTfjs('cpu');
});

const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 1.401298464324817e-45, -1.401298464324817e-45, 1, -1, 3.4028234663852886e38, -3.4028234663852886e38];
const UNARY = ['exp', 'log', 'expm1', 'log1p', 'sqrt', 'abs', 'square', 'reciprocal', 'sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh', 'asin', 'acos', 'atan', 'sigmoid', 'softplus'];
const BINARY = ['x + y', 'x - y', 'x * y', 'x / y', 'x ** y', 'atan2(x, y)', 'maximum(x, y)', 'minimum(x, y)', 'where(x < y, x, y)'];

/** TF.js's sign(NaN) is 0 by design (tfjs-core PR #998); TF 2.x, NumPy and the emulator give NaN: docs/backends.md. */
const KNOWN: Record<string, (x: number) => boolean> = { 'sign(x)': (x) => Number.isNaN(x) };

const cls = (v: number) => (Number.isNaN(v) ? 'nan' : v === Infinity ? '+inf' : v === -Infinity ? '-inf' : 'finite');

function check(expr: string, inputs: Record<string, number[]>) {
  const g = compile(expr, undefined, TFJS);
  const f32 = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, Float32Array.from(v)]));
  const ours = evaluateFloat(g, 'float32', f32);
  const theirs = evaluateTfjs(rt, g, f32);
  const n = f32[g.vars[0]!]!.length;
  const bad: string[] = [];
  for (let i = 0; i < n; i++) {
    const at = g.vars.map((v) => `${v}=${Object.is(f32[v]![i], -0) ? '-0' : f32[v]![i]}`).join(',');
    if (KNOWN[expr]?.(f32[g.vars[0]!]![i]!)) continue;
    const a = ours[g.output]![i]!;
    const b = theirs.value[i]!;
    if (!Object.is(a, b)) bad.push(`value at ${at}: emulator ${Object.is(a, -0) ? '-0' : a}, tfjs ${Object.is(b, -0) ? '-0' : b}`);
    for (const v of g.vars) {
      const da = ours[g.grads[v]!]![i]!;
      const db = theirs.grads[v]![i]!;
      if (cls(da) !== cls(db)) bad.push(`d/d${v} at ${at}: emulator ${da}, tfjs ${db}`);
    }
  }
  assert.deepEqual(bad, []);
}

for (const op of [...UNARY, 'sign', 'clip']) {
  const expr = op === 'clip' ? 'clip(x, -1, 1)' : `${op}(x)`;
  test(`${expr}: emulator = TF.js at +-0, NaN, +-inf, +-subnormal, +-1, +-max`, () => check(expr, { x: SPECIAL }));
}

for (const expr of BINARY) {
  test(`${expr}: emulator = TF.js on every pair of special values`, () => {
    const x: number[] = [];
    const y: number[] = [];
    for (const a of SPECIAL) for (const b of SPECIAL) {
      x.push(a);
      y.push(b);
    }
    check(expr, { x, y });
  });
}
