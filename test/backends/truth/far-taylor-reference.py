#!/usr/bin/python3
"""mpmath's values for far-taylor.test.ts: value and derivative (each written out by hand, not the engine's symbolic
derivative) of one-variable expressions at points near 0 (the Taylor try) and beyond e^+-709 (far balls), at 3000
digits, rounded to float64 and float32 (rows whose result is subnormal or beyond the format are left out); near 0
also 120 digits, for the models' remainder bounds.

    /usr/bin/python3 test/backends/truth/far-taylor-reference.py > test/backends/truth/far-taylor-reference.json
"""
import json
import mpmath
from mpmath import mp, mpf, exp

mp.dps = 3000

EXPRS = {
    'story': ('1/(1-exp(-x)) - 1/x',
              lambda x: 1 / (1 - exp(-x)) - 1 / x,
              lambda x: 1 / x**2 - exp(-x) / (1 - exp(-x))**2),
    'expm1x': ('(exp(x) - 1 - x)/(x*x)',
               lambda x: (exp(x) - 1 - x) / x**2,
               lambda x: (exp(x) - 1) / x**2 - 2 * (exp(x) - 1 - x) / x**3),
    'bernoulli': ('x/(exp(x) - 1)',
                  lambda x: x / (exp(x) - 1),
                  lambda x: 1 / (exp(x) - 1) - x * exp(x) / (exp(x) - 1)**2),
    'gauss': ('(1 - exp(-x*x))/(x*x)',
              lambda x: (1 - exp(-x * x)) / x**2,
              lambda x: 2 * exp(-x * x) / x - 2 * (1 - exp(-x * x)) / x**3),
    'sigmoid': ('1/(1 + exp(-x))',
                lambda x: 1 / (1 + exp(-x)),
                lambda x: exp(-x) / (1 + exp(-x))**2),
    'softplus': ('log(1 + exp(x))',
                 lambda x: mpmath.log(1 + exp(x)),
                 lambda x: exp(x) / (1 + exp(x))),
    'ratio': ('exp(x) / (exp(x) + x)',
              lambda x: exp(x) / (exp(x) + x),
              lambda x: (exp(x) * (exp(x) + x) - exp(x) * (exp(x) + 1)) / (exp(x) + x)**2),
}

TINY = ['1.52587890625e-05', '-1.52587890625e-05', '1e-5', '-1e-5', '3e-7', '1e-8', '-1e-8', '3.7e-20', '-3.7e-20',
        '1e-37', '-1e-37', '1e-300', '-1e-300', '5e-324', '-5e-324']
FAR = ['-710', '-800', '-1000', '-12345.678', '-1e10', '-1e38', '-3.4e38', '-1e300', '710', '1000', '1e5', '1e38',
       # float64 results below 2^-940 (scaled balls): normal, subnormal and rounding to 0
       '1e145', '-1e145', '3e155', '-3e155', '1e160', '-1e160', '1e200', '-1e200', '7.8e299', '-7.8e299']


def to_format(s, fmt):
    x = float(s)
    if fmt == 'float32':
        import numpy
        with numpy.errstate(over='ignore'):
            x = float(numpy.float32(x))
    return x


def rounded(v, fmt):
    """The nearest float (float64 subnormals and zeros included), or None when the result is a float32 subnormal or
    zero, or beyond the format."""
    prec, lo, hi = (53, mpf(2) ** -1022, mpf(2) ** 1024) if fmt == 'float64' else (24, mpf(2) ** -126, mpf(2) ** 128)
    if abs(v) >= hi * (1 - mpf(2) ** -(prec + 1)):
        return None
    if abs(v) < lo:
        if fmt == 'float32' or v == 0:
            return None
        # the subnormal grid: multiples of 2^-1074 (a tie is not met by these values: checked)
        q = v * mpf(2) ** 1074
        n = mpmath.nint(q)
        assert abs(abs(q - n) - mpf(1) / 2) > mpf(2) ** -60
        r = float(mpmath.ldexp(n, -1074)) if n != 0 else (0.0 if v > 0 else -0.0)
        return repr(r)
    with mpmath.workprec(prec):
        r = +v
    return repr(float(r))


rows = []
for name, (source, f, df) in EXPRS.items():
    for fmt in ['float64', 'float32']:
        for s in TINY + FAR:
            x = to_format(s, fmt)
            if x == 0 or not mpmath.isfinite(x):
                continue
            X = mpf(x)
            v, d = f(X), df(X)
            rv, rd = rounded(v, fmt), rounded(d, fmt)
            if rv is None and rd is None:
                continue
            row = {'name': name, 'source': source, 'format': fmt, 'x': repr(x),
                   'value': None if rv is None else [rv, mpmath.nstr(v, 25, min_fixed=1, max_fixed=0)],
                   'grad': None if rd is None else [rd, mpmath.nstr(d, 25, min_fixed=1, max_fixed=0)]}
            if fmt == 'float64' and 1e-8 <= abs(x) <= 2 ** -16:
                # 120 digits, to check the Taylor models' remainder bounds themselves
                row['exact'] = [mpmath.nstr(v, 120, min_fixed=1, max_fixed=0), mpmath.nstr(d, 120, min_fixed=1, max_fixed=0)]
            rows.append(row)
# one row per line
head = json.dumps({'generator': 'test/backends/truth/far-taylor-reference.py', 'mpmath': mpmath.__version__, 'dps': mp.dps})
print(head[:-1] + ', "rows": [\n' + ',\n'.join(json.dumps(r) for r in rows) + '\n]}')
