"""Independent oracle rows for the dd fast path (until fixtures/mpmath/ops.jsonl from op-fixtures is merged).

Run: cd test/backends/truth/fast/oracle && /usr/bin/python3 gen.py 300 ball-rows.jsonl edge-rows.jsonl wide-rows.jsonl > rows.jsonl
Each row: {"op", "args": [repr of doubles], "exact": 45 significant digits (mpmath, 400 bits),
           "f64": repr of the correctly rounded float64, "f32": repr of the correctly rounded float32}.
Rounding is done here from the 400-bit value (round half even, subnormals, overflow), not with numpy, to avoid
double rounding."""
import json, random, sys
from mpmath import mp, mpf
import mpmath

mp.prec = 400
rng = random.Random(20261130)

def round_to(x, prec, emin_sub, overflow):
    if x == 0:
        return 0.0
    s = -1 if x < 0 else 1
    a = abs(x)
    if a >= overflow:
        return s * float('inf')
    e = int(mpmath.floor(mpmath.log(a, 2)))
    while mpf(2) ** e > a: e -= 1
    while mpf(2) ** (e + 1) <= a: e += 1
    q = max(e - (prec - 1), emin_sub)
    n = a / mpf(2) ** q
    fl = int(mpmath.floor(n)); frac = n - fl
    if frac > 0.5 or (frac == 0.5 and fl % 2 == 1): fl += 1
    v = mpf(fl) * mpf(2) ** q
    if v >= mpf(2) ** (128 if prec == 24 else 1024): return s * float('inf')
    return s * float(v)

def f64(x): return round_to(x, 53, -1074, mpf(2) ** 1024 - mpf(2) ** 970)
def f32(x): return round_to(x, 24, -149, mpf(2) ** 128 - mpf(2) ** 103)

def logu(lo, hi, signed=True):
    v = 2.0 ** rng.uniform(lo, hi)
    return -v if signed and rng.random() < 0.5 else v

def uni(a, b): return rng.uniform(a, b)

M = mpmath
OPS = {
  'add': (lambda a, b: a + b, lambda: [logu(-30, 30), logu(-30, 30)]),
  'sub': (lambda a, b: a - b, lambda: [logu(-30, 30), logu(-30, 30)]),
  'mul': (lambda a, b: a * b, lambda: [logu(-60, 60), logu(-60, 60)]),
  'div': (lambda a, b: a / b, lambda: [logu(-60, 60), logu(-60, 60)]),
  'neg': (lambda a: -a, lambda: [logu(-100, 100)]),
  'abs': (lambda a: abs(a), lambda: [logu(-100, 100)]),
  'square': (lambda a: a * a, lambda: [logu(-100, 100)]),
  'reciprocal': (lambda a: 1 / a, lambda: [logu(-100, 100)]),
  'sqrt': (M.sqrt, lambda: [logu(-200, 200, False)]),
  'exp': (M.exp, lambda: [uni(-600, 600) if rng.random() < 0.5 else logu(-40, 5)]),
  'expm1': (M.expm1, lambda: [uni(-50, 50) if rng.random() < 0.5 else logu(-60, 1)]),
  'log': (M.log, lambda: [logu(-200, 200, False) if rng.random() < 0.7 else 1 + logu(-40, -1)]),
  'log1p': (M.log1p, lambda: [logu(-60, 40, False) if rng.random() < 0.5 else -logu(-60, -0.01, False)]),
  'log2': (lambda a: M.log(a, 2), lambda: [logu(-200, 200, False)]),
  'log10': (M.log10, lambda: [logu(-200, 200, False)]),
  'sigmoid': (lambda a: 1 / (1 + M.exp(-a)), lambda: [uni(-80, 80) if rng.random() < 0.5 else logu(-40, 3)]),
  'softplus': (lambda a: M.log(1 + M.exp(a)), lambda: [uni(-80, 80) if rng.random() < 0.5 else logu(-40, 3)]),
  'tanh': (M.tanh, lambda: [uni(-30, 30) if rng.random() < 0.5 else logu(-40, 3)]),
  'sinh': (M.sinh, lambda: [uni(-100, 100) if rng.random() < 0.5 else logu(-40, 3)]),
  'cosh': (M.cosh, lambda: [uni(-100, 100) if rng.random() < 0.5 else logu(-40, 3)]),
  'atan': (M.atan, lambda: [logu(-40, 40)]),
  'asin': (M.asin, lambda: [uni(-1, 1) if rng.random() < 0.7 else logu(-40, -1)]),
  'acos': (M.acos, lambda: [uni(-1, 1) if rng.random() < 0.7 else logu(-40, -1)]),
  'atan2': (lambda y, x: M.atan2(y, x), lambda: [logu(-20, 20), logu(-20, 20)]),
  'sin': (M.sin, lambda: [uni(-100, 100) if rng.random() < 0.6 else logu(-40, 16)]),
  'cos': (M.cos, lambda: [uni(-100, 100) if rng.random() < 0.6 else logu(-40, 16)]),
  'tan': (M.tan, lambda: [uni(-100, 100) if rng.random() < 0.6 else logu(-40, 16)]),
  'pow': (lambda a, b: M.power(a, b), lambda: [logu(-10, 10, False), uni(-20, 20)] if rng.random() < 0.8 else [logu(-5, 5), float(rng.randint(-10, 10))]),
  'hypot': (lambda a, b: M.hypot(a, b), lambda: [logu(-30, 30), logu(-30, 30)]),
  'asinh': (M.asinh, lambda: [logu(-40, 40)]),
  'acosh': (M.acosh, lambda: [1 + logu(-40, 40, False)]),
  'atanh': (M.atanh, lambda: [uni(-1, 1) if rng.random() < 0.7 else logu(-40, -1)]),
  'erf': (M.erf, lambda: [uni(-6, 6) if rng.random() < 0.7 else logu(-40, 1)]),
  'erfc': (M.erfc, lambda: [uni(-3, 26) if rng.random() < 0.7 else logu(-40, 1)]),
}

n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
for op, (f, gen) in OPS.items():
    for _ in range(n):
        args = gen()
        v = f(*[mpf(a) for a in args])
        if not isinstance(v, mpf) or not M.isfinite(v):
            continue
        print(json.dumps({'op': op, 'args': [repr(float(a)) for a in args], 'exact': M.nstr(v, 45, min_fixed=1, max_fixed=0),
                          'f64': repr(f64(v)), 'f32': repr(f32(v))}))

# Rows with double-double arguments and radii: the ball for ([hi, lo, rad], ...) must contain op at every corner of
# the argument box and at its centre.
import itertools, math
def ddball(x):
    lo = rng.uniform(-0.5, 0.5) * math.ulp(x) if rng.random() < 0.8 else 0.0
    if x + lo != x:  # keep hi = fl(hi + lo) (in the subnormals lo may round to a whole ulp)
        lo = 0.0
    rad = abs(x) * 2.0 ** -rng.uniform(45, 100) if rng.random() < 0.7 else 0.0
    return [x, lo, rad]

if len(sys.argv) > 2:
    out = open(sys.argv[2], 'w')
    for op, (f, gen) in OPS.items():
        for _ in range(n // 3):
            balls = [ddball(a) for a in gen()]
            pts = []
            for signs in itertools.product(*[(-1, 0, 1)] * len(balls)):
                if 0 in signs and any(signs):
                    continue
                pts.append([mpf(b[0]) + mpf(b[1]) + s * mpf(b[2]) for b, s in zip(balls, signs)])
            vals = []
            try:
                vals = [f(*p) for p in pts]
            except (ValueError, ZeroDivisionError):
                continue
            if not all(isinstance(v, mpf) and M.isfinite(v) for v in vals):
                continue
            out.write(json.dumps({'op': op, 'balls': [[repr(c) for c in b] for b in balls],
                                  'exact': [M.nstr(v, 45, min_fixed=1, max_fixed=0) for v in vals]}) + '\n')

# Edge rows: arguments at the boundaries of the fast path's branches and ranges (with and without radii).
if len(sys.argv) > 3:
    def near(x, rel=2.0 ** -30):
        return x * (1 + rng.uniform(-rel, rel))
    EDGES = {
        'exp': [665, -665, 664.9, 686, 689.9, 690.5, -664.9, 1e-300, 2.0 ** -199, 2.0 ** -201],
        'expm1': [1, -1, 1.0000001, -650, -649.9, 2.0 ** -200, 2.0 ** -30, 2.0 ** -15, 2.0 ** -5, 0.5],
        'log': [1, 1 + 2.0 ** -50, 1 - 2.0 ** -50, 1.5, 0.75, 2.0 ** -959, 2.0 ** 989, 1.4999999, 0.7500001],
        'log1p': [-0.25, 0.5, -0.2500001, 0.5000001, -1 + 2.0 ** -40, 2.0 ** -200, 2.0 ** -201, 1e300],
        'sqrt': [2.0 ** -959, 2.0 ** 989, 1 + 2.0 ** -52, 4, 0.25],
        'sigmoid': [660, 659.9, -659.9, -665, 40, -40, 1e-200],
        'softplus': [660, 659.9, -659.9, -664, 1e-200, 700],
        'tanh': [330, 329.9, 0.55, 0.5499999, 19.06154746539849, 2.0 ** -100],
        'sinh': [40, 39.9, 1, 0.9999, 0.5, 686, 690, 2.0 ** -100],
        'cosh': [40, 39.9, 686, 690, 2.0 ** -100, 1],
        'atan': [1, 1.0000001, 0.9999999, 2.0 ** 900, 2.0 ** 899.9, 2.0 ** -200, 2.0 ** -201],
        'asin': [1 - 2.0 ** -50, -1 + 2.0 ** -50, 0.5, 2.0 ** -100],
        'acos': [1 - 2.0 ** -50, -1 + 2.0 ** -50, 0.5, 2.0 ** -100],
        'atanh': [1 - 2.0 ** -50, -1 + 2.0 ** -50, 2.0 ** -100],
        'acosh': [1 + 2.0 ** -50, 2.0 ** 400, 2.0 ** 400.1, 2.0 ** 980],
        'asinh': [2.0 ** 400, 2.0 ** 400.1, 2.0 ** 980, 2.0 ** -200, 2.0 ** -199],
        'sin': [2.0 ** 20, 2.0 ** 20 + 1, 1e300, 2.0 ** 980, 6381956970095103 * 2.0 ** 797, 355, 2.0 ** -200],
        'cos': [2.0 ** 20, 2.0 ** 20 + 1, 1e300, 2.0 ** 980, 6381956970095103 * 2.0 ** 797, 355, 2.0 ** -200],
        'tan': [2.0 ** 20, 1e300, 355, 1.5707963267948966, 2.0 ** -200],
        'erf': [4.5, 4.4999, 4.5001, 6, 5.9999, 2.0 ** -200, 0.5],
        'erfc': [4.5, 4.4999, 4.5001, 25, 25.7, 0.5, -6, -4.5],
        'log2': [1, 2, 2.0 ** -959, 2.0 ** 989, 1 + 2.0 ** -40],
        'log10': [1, 10, 2.0 ** -959, 2.0 ** 989],
    }
    BIN_EDGES = {
        'hypot': [(1.0, 2.0 ** -399), (1.0, 2.0 ** -401), (2.0 ** 500, 2.0 ** 99), (2.0 ** -500, 2.0 ** -99), (3.0, 4.0)],
        'atan2': [(2.0 ** -400, 2.0 ** 400), (-(2.0 ** -400), -(2.0 ** 401)), (2.0 ** 500, -(2.0 ** -400)), (1.0, -1.0), (-1.0, 1e-300), (1e-300, -1.0)],
        'pow': [(2.0, 1024.0), (2.0, 989.0), (-1.0, 1e20), (-2.0, 1025.0), (0.5, 1000.0), (-3.0, 7.0), (1.5, 0.5), (7.0, -3.0)],
        'div': [(1.0, 3.0), (2.0 ** 989, 0.5), (2.0 ** -959, 2.0)],
        'mul': [(2.0 ** 495, 2.0 ** 495), (2.0 ** -480, 2.0 ** -480), (3.0, 1.0 / 3)],
    }
    out = open(sys.argv[3], 'w')
    def emit(op, balls):
        f = OPS[op][0]
        pts = []
        for signs in itertools.product(*[(-1, 0, 1)] * len(balls)):
            if 0 in signs and any(signs):
                continue
            pts.append([mpf(b[0]) + mpf(b[1]) + s * mpf(b[2]) for b, s in zip(balls, signs)])
        try:
            # sums of doubles are exact only with every bit from 2^1024 down to 2^-1074 (400 bits would round them)
            with mp.workprec(2400 if op in ('add', 'sub') else mp.prec):
                vals = [+f(*p) for p in pts]
        except (ValueError, ZeroDivisionError, OverflowError):
            return
        if not all(isinstance(v, mpf) and M.isfinite(v) for v in vals):
            return
        out.write(json.dumps({'op': op, 'balls': [[repr(c) for c in b] for b in balls],
                              'exact': [M.nstr(v, 45, min_fixed=1, max_fixed=0) for v in vals]}) + '\n')
    for op, xs in EDGES.items():
        for x in xs:
            for s in (1, -1):
                for _ in range(3):
                    v = near(s * x) if _ else s * x
                    emit(op, [ddball(v) if _ == 2 else [v, 0.0, 0.0]])
    for op, pairs in BIN_EDGES.items():
        for a, b in pairs:
            for _ in range(3):
                emit(op, [ddball(a) if _ else [a, 0.0, 0.0], ddball(b) if _ else [b, 0.0, 0.0]])

# Wide rows: balls anywhere in the double range (subnormal to near overflow), to exercise the code for arguments
# outside the dd range (outside.ts) and the range checks themselves.
if len(sys.argv) > 4:
    out = open(sys.argv[4], 'w')
    def wide():
        e = rng.uniform(-1074, 1023)
        v = 2.0 ** e if e > -1022 else float(mpf(2) ** int(e))
        return -v if rng.random() < 0.5 else v
    for op in OPS:
        arity = 2 if op in ('add', 'sub', 'mul', 'div', 'atan2', 'hypot', 'pow') else 1
        for _ in range(60):
            args = [wide() if rng.random() < 0.7 else rng.uniform(-10, 10) for _ in range(arity)]
            if op in ('sqrt', 'log', 'log2', 'log10', 'acosh') or (op == 'pow' and rng.random() < 0.8):
                args[0] = abs(args[0])
            emit(op, [ddball(a) if rng.random() < 0.5 else [a, 0.0, 0.0] for a in args])
