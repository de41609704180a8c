"""Writes hand-mpmath.json: op values at exact doubles, 40 significant digits, by mpmath (the oracle).
Run: /usr/bin/python3 test/backends/truth/big/gen-hand.py"""
import json, os
from mpmath import mp, mpf, nstr
import mpmath as M

mp.prec = 3000  # far beyond the 40 digits written, also for exp(1e5) and sin(1e300)

def d(x):
    return nstr(x, 40, min_fixed=1, max_fixed=0)

def sigmoid(x): return 1 / (1 + M.exp(-x))
def softplus(x): return M.log(1 + M.exp(x))
def expm1(x): return M.expm1(x)
def log1p(x): return M.log1p(x)
def atan2(y, x): return M.atan2(y, x)
def hypot(a, b): return M.sqrt(a * a + b * b)
def log2(x): return M.log(x, 2)
def log10(x): return M.log(x, 10)

F = {
  'exp': M.exp, 'log': M.log, 'sqrt': M.sqrt, 'expm1': expm1, 'log1p': log1p, 'sin': M.sin, 'cos': M.cos,
  'tan': M.tan, 'sinh': M.sinh, 'cosh': M.cosh, 'tanh': M.tanh, 'asin': M.asin, 'acos': M.acos, 'atan': M.atan,
  'atan2': atan2, 'pow': M.power, 'sigmoid': sigmoid, 'softplus': softplus, 'erf': M.erf, 'erfc': M.erfc,
  'asinh': M.asinh, 'acosh': M.acosh, 'atanh': M.atanh, 'hypot': hypot, 'log2': log2, 'log10': log10,
  'div': lambda a, b: a / b,
}
common = [0.5, -0.5, 1.0, -1.0, 3.7, -3.7, 1e-10, -1e-10, 1e-300, 0.1, 2.5, 20.0, -20.0, 100.0, 1e5]
points = {
  'exp': common + [-745.5, 709.7827128933841, 710.0, -1e4, 0.6931471805599453],
  'log': [2.0, 1.0000000000000002, 0.9999999, 1e-300, 1e300, 0.75, 1.4999, 3.0, 5e-324, 1.7976931348623157e308],
  'sqrt': [2.0, 3.0, 1e-300, 5e-324, 0.1, 1e300],
  'expm1': common + [1e-20, -1e-20, 0.0001, -0.69],
  'log1p': [1e-20, -1e-20, 1e-5, -0.5, 0.5, 3.0, 1e300, -0.9999999999999999, 1e-300],
  'sin': common + [3.141592653589793, 1e22, 1e300, 6.283185307179586, 355.0, 1.5707963267948966],
  'cos': common + [1.5707963267948966, 1e22, 1e300, 4.71238898038469],
  'tan': [0.5, 1.5707963267948966, -1.0, 1e-10, 1e300, 100.0, 3.0],
  'sinh': common + [-710.0, 1e-20],
  'cosh': common + [-710.0],
  'tanh': common + [1e-20, 40.0],
  'asin': [0.5, -0.5, 1e-10, 0.9999999999999999, -0.9999999999999999, 0.1, 1e-300],
  'acos': [0.5, -0.5, 1e-10, 0.9999999999999999, -0.9999999999999999, 0.1, 0.0],
  'atan': common + [1e300, -1e300, 1e20],
  'sigmoid': common + [-745.0, -800.0, 40.0],
  'softplus': common + [-745.0, -800.0, 800.0, 40.0],
  'erf': [0.5, -0.5, 1e-10, 2.0, 3.7, 6.0, 1e-300, 0.1, 27.0],
  'erfc': [0.5, -0.5, 1e-10, 2.0, 3.7, 6.0, 10.0, 26.0, 0.1, -3.0],
  'asinh': common + [1e300, -1e300],
  'acosh': [1.0000000000000002, 1.5, 2.0, 10.0, 1e300, 1e5],
  'atanh': [0.5, -0.5, 1e-10, 0.9999999999999999, -0.9999999999999999, 0.1, 1e-300],
  'log2': [2.0, 3.0, 0.1, 1e-300, 1024.0, 1.0000000000000002],
  'log10': [2.0, 1000.0, 0.1, 1e-300, 1e22, 1.0000000000000002],
}
pairs = {
  'atan2': [(1.0, 1.0), (1.0, -1.0), (-1.0, -1.0), (1e-300, -1.0), (-1e-300, -1.0), (1.0, 0.0), (-2.0, 1e-300), (3.0, 4.0)],
  'pow': [(2.0, 0.5), (2.0, 10.0), (-2.0, 3.0), (0.5, 1e5), (1.0000000000000002, 1e16), (10.0, -3.0), (3.7, 2.5), (1e300, 0.01), (-1.5, -2.0), (0.0, 2.0), (0.0, 0.0)],
  'hypot': [(3.0, 4.0), (1e-300, 1e-300), (1e300, 1e300), (1.0, 1e-10), (-2.0, 0.5)],
  'div': [(1.0, 3.0), (2.0, 7.0), (1e300, 1e-300), (-5.0, 0.1)],
}
rows = []
for op, xs in points.items():
    for x in xs:
        rows.append({'op': op, 'args': [repr(x)], 'exact': d(F[op](mpf(x)))})
for op, ps in pairs.items():
    for a, b in ps:
        rows.append({'op': op, 'args': [repr(a), repr(b)], 'exact': d(F[op](mpf(a), mpf(b)))})
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'hand-mpmath.json')
with open(out, 'w') as f:
    json.dump({'generator': 'test/backends/truth/big/gen-hand.py', 'mpmath': M.__version__, 'rows': rows}, f, indent=0)
print(len(rows), 'rows')
