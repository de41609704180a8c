"""Writes ball-mpmath.json: for balls c +- r (c, r doubles, r a power of two), mpmath values at points of the ball
(both ends, the centre, c + r/2, c - 3r/4), 40 significant digits. Every ball the library returns for the ball
argument must meet every one of them. Run: /usr/bin/python3 test/backends/truth/big/gen-balls.py"""
import json, math, os
from mpmath import mp, mpf, nstr
import mpmath as M

mp.prec = 3000

def d(x):
    return nstr(x, 40, min_fixed=1, max_fixed=0)

F = {
  'exp': M.exp, 'log': M.log, 'sqrt': M.sqrt, 'expm1': M.expm1, 'log1p': M.log1p, 'sin': M.sin, 'cos': M.cos,
  'tan': M.tan, 'sinh': M.sinh, 'cosh': M.cosh, 'tanh': M.tanh, 'asin': M.asin, 'acos': M.acos, 'atan': M.atan,
  'sigmoid': lambda x: 1 / (1 + M.exp(-x)), 'softplus': lambda x: M.log(1 + M.exp(x)), 'erf': M.erf,
  'erfc': M.erfc, 'asinh': M.asinh, 'acosh': M.acosh, 'atanh': M.atanh, 'log2': lambda x: M.log(x, 2),
  'log10': lambda x: M.log(x, 10), 'reciprocal': lambda x: 1 / x, 'square': lambda x: x * x,
  'atan2': M.atan2, 'pow': M.power, 'hypot': lambda a, b: M.sqrt(a * a + b * b), 'div': lambda a, b: a / b,
  'mul': lambda a, b: a * b, 'add': lambda a, b: a + b, 'sub': lambda a, b: a - b,
}
anywhere = [0.3, -0.3, 2.5, -2.5, 1e-8, 30.0, -30.0, 1e300, -1e300, 700.0]
positive = [0.3, 2.5, 1e-8, 1e300, 1e-300, 1.5]
unit = [0.3, -0.3, 0.99, -0.99, 1e-8]
centres = {
  'exp': anywhere, 'expm1': anywhere, 'sin': anywhere + [1e22], 'cos': anywhere + [1e22], 'tan': [0.3, -2.5, 1e-8, 1.5],
  'sinh': anywhere, 'cosh': anywhere + [0.0], 'tanh': anywhere, 'atan': anywhere, 'sigmoid': anywhere,
  'softplus': anywhere, 'erf': [0.3, -0.3, 2.5, 1e-8, 6.0], 'erfc': [0.3, -0.3, 2.5, 1e-8, 6.0, 20.0],
  'asinh': anywhere, 'log': positive, 'sqrt': positive, 'log2': positive, 'log10': positive,
  'log1p': positive + [-0.5, -1e-8], 'acosh': [1.5, 30.0, 1e300], 'asin': unit, 'acos': unit, 'atanh': unit,
  'reciprocal': [0.3, -2.5, 1e300, 1e-300], 'square': anywhere + [0.0],
}
pairs = {
  'atan2': [(1.0, 2.0), (1.0, -2.0), (-1.0, -2.0), (3.0, 1e-300), (-3.0, 0.0)],
  'pow': [(2.5, 0.3), (0.3, -2.5), (1e300, 0.5), (2.5, 3.0), (1.5, 700.0)],
  'hypot': [(3.0, 4.0), (1e-300, 2e-300), (-2.0, 0.5)],
  'div': [(1.0, 3.0), (-2.5, 1e-300), (1e300, 7.0)],
  'mul': [(1.0, 3.0), (-2.5, 1e-300), (0.0, 7.0)], 'add': [(1.0, -1.0), (1e300, 1.0)], 'sub': [(1.0, 0.5), (2.0, 2.0)],
}
REL = [-40, -100]  # radius = 2^(floor(log2|c|) + REL), or 2^REL around 0

def radius(c, rel):
    if c == 0:
        return 2.0 ** rel
    return math.ldexp(1.0, math.frexp(c)[1] - 1 + rel)

def points(c, r):
    c, r = mpf(c), mpf(r)
    return [c - r, c + r, c, c + r / 2, c - 3 * r / 4]

rows = []
for op, cs in centres.items():
    for c in cs:
        for rel in REL:
            r = radius(c, rel)
            vals = [d(F[op](p)) for p in points(c, r)]
            rows.append({'op': op, 'balls': [[repr(c), repr(r)]], 'values': vals})
for op, ps in pairs.items():
    for a, b in ps:
        for rel in REL:
            ra, rb = radius(a, rel), radius(b, rel)
            pa, pb = points(a, ra), points(b, rb)
            vals = [d(F[op](x, y)) for x in pa for y in pb]
            rows.append({'op': op, 'balls': [[repr(a), repr(ra)], [repr(b), repr(rb)]], 'values': vals})
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ball-mpmath.json')
with open(out, 'w') as f:
    json.dump({'generator': 'test/backends/truth/big/gen-balls.py', 'mpmath': M.__version__, 'rows': rows}, f, indent=0)
print(len(rows), 'rows')
