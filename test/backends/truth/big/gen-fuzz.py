"""Writes fuzz-mpmath.json: random balls c +- r (c a double from many magnitudes, r = 2^k |c| with k in [-70, 1])
for every op, with mpmath's values at both ends, the centre and two random interior dyadic points, or 'undefined'
when a sample point is outside the real domain (then the library must not return a ball).
Run: /usr/bin/python3 test/backends/truth/big/gen-fuzz.py"""
import json, math, os, random
from mpmath import mp, mpf, nstr
import mpmath as M

mp.prec = 2000
random.seed(20261130)

def d(x):
    return nstr(x, 40, min_fixed=1, max_fixed=0)

def defined(f):
    def g(*a):
        try:
            v = f(*a)
        except (ZeroDivisionError, ValueError):
            return None
        if isinstance(v, M.mpc) or v != v or M.isinf(v):
            return None
        return v
    return g

F = {
  'exp': M.exp, 'log': lambda x: M.log(x) if x > 0 else None, 'sqrt': lambda x: M.sqrt(x) if x >= 0 else None,
  'expm1': M.expm1, 'log1p': lambda x: M.log1p(x) if x > -1 else None,
  'sin': M.sin, 'cos': M.cos, 'tan': M.tan, 'sinh': M.sinh, 'cosh': M.cosh, 'tanh': M.tanh,
  'asin': lambda x: M.asin(x) if abs(x) <= 1 else None, 'acos': lambda x: M.acos(x) if abs(x) <= 1 else None,
  'atan': M.atan, 'sigmoid': lambda x: 1 / (1 + M.exp(-x)), 'softplus': lambda x: M.log(1 + M.exp(x)),
  'erf': M.erf, 'erfc': M.erfc, 'asinh': M.asinh, 'acosh': lambda x: M.acosh(x) if x >= 1 else None,
  'atanh': lambda x: M.atanh(x) if abs(x) < 1 else None, 'log2': lambda x: M.log(x, 2) if x > 0 else None,
  'log10': lambda x: M.log(x, 10) if x > 0 else None, 'reciprocal': lambda x: 1 / x if x != 0 else None,
  'square': lambda x: x * x, 'neg': lambda x: -x, 'abs': abs,
  'add': lambda a, b: a + b, 'sub': lambda a, b: a - b, 'mul': lambda a, b: a * b,
  'div': lambda a, b: a / b if b != 0 else None, 'hypot': lambda a, b: M.sqrt(a * a + b * b),
  'atan2': lambda y, x: M.atan2(y, x) if (x != 0 or y != 0) else None,
  'pow': lambda a, b: (M.power(a, b) if a > 0 or (a < 0 and b == int(b)) or (a == 0 and b > 0) else (mpf(1) if a == 0 and b == 0 else None)),
}
BINARY = {'add', 'sub', 'mul', 'div', 'hypot', 'atan2', 'pow'}
# magnitudes per op so the interesting ranges are hit
RANGE = {'exp': 10, 'expm1': 10, 'sinh': 10, 'cosh': 10, 'sigmoid': 8, 'softplus': 8, 'erf': 3, 'erfc': 4,
         'asin': 0, 'acos': 0, 'atanh': 0, 'pow': 4}

def centre(op):
    r = RANGE.get(op, 40)
    if r == 0:
        return random.choice([-1, 1]) * random.choice([random.random(), 1 - 2.0 ** -random.randint(1, 50), 2.0 ** -random.randint(1, 60)])
    e = random.uniform(-r, r) if op not in ('erf', 'erfc', 'exp', 'expm1', 'sinh', 'cosh', 'sigmoid', 'softplus') else random.uniform(-12, math.log2(r * 80))
    return random.choice([-1, 1]) * 2.0 ** e

def ball(op):
    c = centre(op)
    if random.random() < 0.05:
        c = random.choice([0.0, 1.0, -1.0])
    k = random.choice([random.randint(-70, -2), random.randint(-20, 1)])
    r = math.ldexp(1.0, (math.frexp(c)[1] if c != 0 else -10) + k)
    return c, r

def pts(c, r):
    c, r = mpf(c), mpf(r)
    u = [mpf(random.randint(-2 ** 20, 2 ** 20)) / 2 ** 20 for _ in range(2)]
    return [c - r, c + r, c] + [c + t * r for t in u]

rows = []
for op, f in F.items():
    f = defined(f) if op not in ('log', 'sqrt', 'log1p', 'asin', 'acos', 'acosh', 'atanh', 'log2', 'log10', 'reciprocal', 'div', 'atan2', 'pow') else f
    for _ in range(60):
        if op in BINARY:
            (a, ra), (b, rb) = ball(op), ball(op)
            if op == 'pow' and random.random() < 0.3:
                b, rb = float(random.randint(-5, 5)), 0.0
            vals = []
            for x in pts(a, ra):
                for y in pts(b, rb)[:3] if rb else [mpf(b)]:
                    vals.append(f(x, y))
            balls = [[repr(a), repr(ra)], [repr(b), repr(rb)]]
        else:
            a, ra = ball(op)
            vals = [f(x) for x in pts(a, ra)]
            balls = [[repr(a), repr(ra)]]
        if any(v is None for v in vals):
            rows.append({'op': op, 'balls': balls, 'undefined': True})
        else:
            rows.append({'op': op, 'balls': balls, 'values': [d(v) for v in vals]})
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fuzz-mpmath.json')
with open(out, 'w') as fh:
    json.dump({'generator': 'test/backends/truth/big/gen-fuzz.py', 'mpmath': M.__version__, 'rows': rows}, fh, indent=0)
print(len(rows), 'rows', sum(1 for r in rows if r.get('undefined')), 'undefined')
