#!/usr/bin/env python3
"""Run the fixes f-diagnose emits (`fix --emit tf|torch|jax`) in the real frameworks, against mpmath.

  npm run build && /work/venv-oracle/bin/python oracle/emitted-fixes.py   -> fixtures/frameworks/emitted-fixes.json

For each case the built tool proposes its best fix under that framework's model (--framework) and prints it as a function
of the framework; this script runs
that code in TensorFlow, PyTorch and JAX on CPU (value, and the gradient by the framework's own autodiff), in float32
and float64, on a grid of hard points (0, tiny and subnormal, the fix's branch boundaries, exp's overflow
thresholds, huge) plus log-uniform random ones, and compares with the exact value and derivative from mpmath
(formulas and derivatives written by hand below, not taken from the tool). test/repair/emitted-in-frameworks.test.ts
reads the result: the code the current emitter writes must be the code that ran, and a fix the tool calls
"proved" must have no NaN or inf and stay within the tool's tolerances in every framework.
"""
import json
import math
import os
import platform
import random
import struct
import subprocess
import sys

import mpmath
from mpmath import mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, 'fixtures', 'frameworks', 'emitted-fixes.json')
FRAMEWORKS = ['tf', 'torch', 'jax']
SAMPLES = '256'

# expression, exact f and f' (mpmath, by hand), and their limits where the formula is 0/0.
CASES = [
    {
        'expr': '1/(1-exp(-x)) - 1/x',
        'f': lambda x: 1 / (1 - mpmath.exp(-x)) - 1 / x,
        'df': lambda x: -mpmath.exp(-x) / (1 - mpmath.exp(-x)) ** 2 + 1 / x ** 2,
        'at0': (mpf(1) / 2, mpf(1) / 12),
    },
    {
        'expr': 'log(1+exp(x))',
        'f': lambda x: mpmath.log(1 + mpmath.exp(x)),
        'df': lambda x: 1 / (1 + mpmath.exp(-x)),
    },
    {
        'expr': 'sqrt(x*x+1)-1',
        'f': lambda x: mpmath.sqrt(x * x + 1) - 1,
        'df': lambda x: x / mpmath.sqrt(x * x + 1),
    },
    {
        'expr': 'log(sigmoid(x))',
        'f': lambda x: -mpmath.log(1 + mpmath.exp(-x)),
        'df': lambda x: 1 / (1 + mpmath.exp(x)),
    },
    {
        'expr': '(exp(x)-1)/x',
        'f': lambda x: mpmath.expm1(x) / x,
        'df': lambda x: (x * mpmath.exp(x) - mpmath.expm1(x)) / x ** 2,
        'at0': (mpf(1), mpf(1) / 2),
    },
    {
        'expr': '1-cos(x)',
        'f': lambda x: 1 - mpmath.cos(x),
        'df': lambda x: mpmath.sin(x),
    },
    {
        'expr': 'tanh(x)/x',
        'f': lambda x: mpmath.tanh(x) / x,
        'df': lambda x: (x * mpmath.sech(x) ** 2 - mpmath.tanh(x)) / x ** 2,
        'at0': (mpf(1), mpf(0)),
    },
    {
        'expr': 'sqrt(1+x)-1',
        'f': lambda x: mpmath.sqrt(1 + x) - 1 if x >= -1 else mpf('nan'),
        'df': lambda x: 1 / (2 * mpmath.sqrt(1 + x)) if x > -1 else (mpf('inf') if x == -1 else mpf('nan')),
    },
    {
        'expr': 'x/(1+exp(-x))',
        'f': lambda x: x / (1 + mpmath.exp(-x)),
        'df': lambda x: 1 / (1 + mpmath.exp(-x)) + x * mpmath.exp(-x) / (1 + mpmath.exp(-x)) ** 2,
    },
    {
        'expr': 'log(cosh(x))',
        'f': lambda x: mpmath.log(mpmath.cosh(x)),
        'df': lambda x: mpmath.tanh(x),
    },
    {
        'expr': 'sqrt(x*x)',
        'f': lambda x: abs(x),
        'df': lambda x: mpmath.sign(x) if x != 0 else mpf('nan'),
    },
    {
        'expr': 'exp(x)/(1+exp(x))',
        'f': lambda x: 1 / (1 + mpmath.exp(-x)),
        'df': lambda x: 1 / ((1 + mpmath.exp(-x)) * (1 + mpmath.exp(x))),
    },
]

HARD = {
    'float32': ['0', '1e-45', '1e-40', '1.17549435e-38', '1e-30', '1e-20', '1e-10', '3e-8', '6e-8', '1e-7', '1e-5',
                '1e-3', '0.01', '0.1', '0.2499', '0.25', '0.2501', '0.4999', '0.5', '0.5001', '0.9999', '1', '1.0001',
                '2', '5', '10', '16', '17', '20', '50', '87', '88.72', '88.73', '89', '100', '1e3', '1e5', '1e10',
                '1e19', '1e20', '1e30', '3.4e38'],
    'float64': ['0', '5e-324', '1e-310', '2.2250738585072014e-308', '1e-300', '1e-100', '1e-20', '1e-16', '1.1e-16',
                '1e-10', '1e-8', '1e-5', '1e-3', '0.01', '0.1', '0.2499', '0.25', '0.2501', '0.4999', '0.5', '0.5001',
                '0.9999', '1', '1.0001', '2', '5', '10', '20', '36', '37', '50', '100', '700', '709.78', '709.79',
                '710', '1e3', '1e5', '1e10', '1e100', '1e154', '1e155', '1e200', '1e300', '1.7976931348623157e308'],
}
RANDOM_PER_SIGN = 100


def round_to(v, dtype):
    """The float of the dtype nearest the double v (v is already correctly rounded to float64)."""
    if dtype == 'float64':
        return v
    return struct.unpack('f', struct.pack('f', v))[0] if abs(v) < 3.4028235677973366e38 else math.copysign(math.inf, v)


def exact_to(v, dtype):
    """mpf -> the nearest float of the dtype, rounding once (24 bits with float32's subnormal step)."""
    if mpmath.isnan(v):
        return math.nan
    if dtype == 'float64':
        try:
            return float(v)
        except OverflowError:
            return math.copysign(math.inf, v)
    with mpmath.workprec(24):
        r = +v
    tiny = mpf(2) ** -149
    if abs(r) < mpf(2) ** -126:
        r = mpmath.nint(v / tiny) * tiny
    f = float(r)
    return f if abs(f) <= 3.4028234663852886e38 else math.copysign(math.inf, f)


def points(dtype, seed):
    rng = random.Random(seed)
    lo, hi = (-45, 38) if dtype == 'float32' else (-323, 308)
    xs = []
    for s in HARD[dtype]:
        v = round_to(float(s), dtype)
        xs += [v, -v] if v != 0 else [0.0]
    for _ in range(RANDOM_PER_SIGN):
        v = round_to(10 ** rng.uniform(lo, hi), dtype)
        if v != 0 and math.isfinite(v):
            xs += [v, -v]
    return xs


def exact(case, x, dtype):
    if x == 0 and 'at0' in case:
        v, d = case['at0']
    else:
        # enough digits for two cancellations near 0 (1 - exp(-x), then the difference of two ~1/x terms)
        with mpmath.workdps(80 + 3 * int(abs(math.log10(abs(x)))) if x != 0 else 80):
            X = mpf(x)
            v, d = case['f'](X), case['df'](X)
    return exact_to(v, dtype), exact_to(d, dtype)


def ordinal(v, dtype):
    if dtype == 'float32':
        i = struct.unpack('<i', struct.pack('<f', v))[0]
        return i if i >= 0 else -(i & 0x7FFFFFFF)
    i = struct.unpack('<q', struct.pack('<d', v))[0]
    return i if i >= 0 else -(i & 0x7FFFFFFFFFFFFFFF)


def ulps(got, want, dtype):
    if math.isnan(got) and math.isnan(want):
        return 0
    if math.isnan(got) or math.isnan(want):
        return math.inf
    if math.isinf(got) or math.isinf(want):
        return 0 if got == want else math.inf
    return abs(ordinal(got, dtype) - ordinal(want, dtype))


def run_tf(code, xs, dtype):
    import tensorflow as tf
    ns = {}
    exec(code, ns)
    x = tf.constant(xs, dtype=dtype)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = ns['f'](x)
    g = tape.gradient(y, x)
    return [float(v) for v in y.numpy()], [float(v) for v in g.numpy()]


def run_torch(code, xs, dtype):
    import torch
    ns = {}
    exec(code, ns)
    x = torch.tensor(xs, dtype=getattr(torch, dtype), requires_grad=True)
    y = ns['f'](x)
    (g,) = torch.autograd.grad(y.sum(), x)
    return [float(v) for v in y.detach().numpy()], [float(v) for v in g.numpy()]


def run_jax(code, xs, dtype):
    import jax
    jax.config.update('jax_enable_x64', True)
    import jax.numpy as jnp
    ns = {}
    exec(code, ns)
    x = jnp.asarray(xs, dtype=dtype)
    y, vjp = jax.vjp(ns['f'], x)
    (g,) = vjp(jnp.ones_like(y))
    return [float(v) for v in y], [float(v) for v in g]


RUN = {'tf': run_tf, 'torch': run_torch, 'jax': run_jax}


def tool_fix(expr, framework):
    out = subprocess.run(['node', os.path.join(ROOT, 'bin', 'f-diagnose.js'), 'fix', '-n', SAMPLES, '--format', 'json',
                          '--emit', framework, '--framework', framework, expr], capture_output=True, text=True, check=True, cwd=ROOT)
    report = json.loads(out.stdout)
    return report


def versions():
    import tensorflow as tf
    import torch
    import jax
    return {'tensorflow': tf.__version__, 'torch': torch.__version__, 'jax': jax.__version__,
            'mpmath': mpmath.__version__, 'python': platform.python_version(), 'machine': platform.machine()}


def judge(rows, dtype, atol, tol_value, tol_grad):
    """Counts as scan does: NaN/inf where the exact result is finite, and the worst ULP error beyond atol."""
    out = {}
    for key, tol in (('value', tol_value), ('grad', tol_grad)):
        bad_nonfinite, worst, worst_row = 0, 0, None
        for r in rows:
            got, want = r[key], r['exact_' + key]
            if math.isnan(want):
                continue  # undefined (a kink's derivative, a domain error): any result, as scan judges it
            if math.isfinite(want) and not math.isfinite(got):
                bad_nonfinite += 1
            u = ulps(got, want, dtype)
            if math.isfinite(got) and math.isfinite(want) and abs(got - want) <= atol:
                u = 0
            if u > worst:
                worst, worst_row = u, r
        out[key] = {'nanOrInf': bad_nonfinite, 'maxUlps': worst if math.isfinite(worst) else 'Infinity',
                    'tolerance': tol,
                    'worst': None if worst_row is None else {'x': repr(worst_row['x']), 'got': repr(worst_row[key]),
                                                              'exact': repr(worst_row['exact_' + key])}}
    return out


def main():
    results = []
    for case in CASES:
        entry = {'expr': case['expr'], 'samples': int(SAMPLES), 'frameworks': {}}
        for fw in FRAMEWORKS:
            report = tool_fix(case['expr'], fw)
            best = report['fixes'][0] if report['fixes'] else None
            if best is None or 'emit' not in report:
                entry['frameworks'][fw] = None
                continue
            entry['vars'] = report['vars']
            entry['tolerances'] = report['tolerances']
            code = report['emit']['code']
            # the best fix under each framework's model may differ (torch's softplus is not TF's)
            per = {'fix': best['expr'], 'verdict': best['verdict'], 'code': code}
            for dtype in ('float32', 'float64'):
                xs = points(dtype, 1)
                ys, gs = RUN[fw](code, xs, dtype)
                rows = []
                for x, y, g in zip(xs, ys, gs):
                    ev, ed = exact(case, x, dtype)
                    rows.append({'x': x, 'value': y, 'grad': g, 'exact_value': ev, 'exact_grad': ed})
                atol = 2.0 ** -24 if dtype == 'float32' else 2.0 ** -53
                per[dtype] = {'points': len(xs), 'atol': atol,
                              **judge(rows, dtype, atol, report['tolerances']['value'], report['tolerances']['grad'])}
                print(f"{case['expr']:24} {fw:6} {dtype}: value {per[dtype]['value']['nanOrInf']} non-finite, "
                      f"max {per[dtype]['value']['maxUlps']} ULP; grad {per[dtype]['grad']['nanOrInf']} non-finite, "
                      f"max {per[dtype]['grad']['maxUlps']} ULP", file=sys.stderr)
            entry['frameworks'][fw] = per
        results.append(entry)
    with open(OUT, 'w') as f:
        json.dump({'generatedBy': 'oracle/emitted-fixes.py', 'versions': versions(), 'cases': results}, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
