#!/usr/bin/env python3
"""Golden values and gradients from the real frameworks (TensorFlow, PyTorch, JAX) on CPU.

  python oracle/frameworks.py --framework tf|torch|jax|all   -> fixtures/frameworks/<framework>.jsonl
  python oracle/frameworks.py --readme                         -> fixtures/frameworks/README.md (from all four .jsonl)

Every case of oracle/grid.json (shared with oracle/tfjs.mjs) is evaluated as a batch: each variable is a 1-D tensor
of the case's points, tiled 8 times so that every point goes through the vectorised kernel body as a training batch
does (not a scalar tail loop); the rows report the first copy. Gradients are the vector-Jacobian product with an
upstream of ones (tf.GradientTape.gradient, torch.autograd.grad, jax.vjp), i.e. the gradient of each element with
upstream 1. A gradient the framework returns as None (no gradient registered or unconnected) is written as null.
"""
import argparse
import ast
import json
import math
import os
import platform
import struct
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, 'fixtures', 'frameworks')
TILE = 8
FRAMEWORKS = ['tf', 'torch', 'jax']


def load_grid():
    with open(os.path.join(HERE, 'grid.json')) as f:
        return json.load(f)


def resolve(sym, dtype, grid):
    """A grid value ('-max', '1e-3', 'nan') as a number of the dtype."""
    neg = sym.startswith('-')
    body = sym[1:] if neg else sym
    table = grid['symbols'][dtype]
    text = table.get(body, body)
    v = float(text)
    if neg:
        v = -v
    with np.errstate(over="ignore"):  # 1e200 in float32 is inf, on purpose
        return float(np.dtype(dtype).type(v))


def rep(v):
    """repr of the double equal to the value; nan, inf, -inf, -0.0 spelled as Python does."""
    v = float(v)
    if math.isnan(v):
        return 'nan'
    return repr(v)


# ---------------------------------------------------------------- the cases

def expand_cases(grid):
    """(case, expr, vars, points) for every case; points is a list of tuples of grid symbols."""
    out = []
    for c in grid['unary']:
        extra = c.get('extra', [])
        out.append(dict(case=c['case'], expr=c['expr'], vars=['x'], inputs=grid['unary_inputs'], extra=extra))
    pairs = [(a, b) for a in grid['pair_inputs'] for b in grid['pair_inputs']]
    for c in grid['binary']:
        out.append(dict(case=c['case'], expr=c['expr'], vars=['x', 'y'], points=pairs))
    triples = [(a, b, d) for a in grid['triple_inputs'] for b in grid['triple_inputs'] for d in grid['triple_inputs']]
    for c in grid['ternary']:
        out.append(dict(case=c['case'], expr=c['expr'], vars=['x', 'y', 'z'], points=triples))
    for c in grid['composites']:
        if 'pairs' in c:
            out.append(dict(case=c['case'], expr=c['expr'], vars=c.get('vars', ['x', 'y']),
                            points=[tuple(p) for p in c['pairs']]))
        else:
            out.append(dict(case=c['case'], expr=c['expr'], vars=c.get('vars', ['x']),
                            points=[(v,) for v in c['x']]))
    return out


def points_for(case, dtype):
    if 'points' in case:
        return case['points']
    extra = case['extra']
    if isinstance(extra, dict):
        extra = extra.get(dtype, [])
    return [(v,) for v in case['inputs'] + [e for e in extra if e not in case['inputs']]]


# ---------------------------------------------------------------- expression evaluation

class Lit:
    """A number written in the expression; kept as a Python number so `x ** 2` reaches the framework as user code does."""

    def __init__(self, v):
        self.v = v


def evaluate(expr, env, fw):
    cmp_names = {ast.Lt: 'less', ast.Gt: 'greater', ast.Eq: 'equal', ast.LtE: 'less_equal', ast.GtE: 'greater_equal',
                 ast.NotEq: 'not_equal'}
    used = []

    def tensor(a):
        return fw.const(a.v) if isinstance(a, Lit) else a

    def raw(a):
        return a.v if isinstance(a, Lit) else a

    def ev(n):
        if isinstance(n, ast.Constant):
            return Lit(n.value)
        if isinstance(n, ast.Name):
            return env[n.id]
        if isinstance(n, ast.UnaryOp):
            v = ev(n.operand)
            if isinstance(n.op, ast.USub):
                return Lit(-v.v) if isinstance(v, Lit) else -v
            return v
        if isinstance(n, ast.BinOp):
            a, b = ev(n.left), ev(n.right)
            if isinstance(a, Lit) and isinstance(b, Lit):
                raise ValueError('constant sub-expression')
            ops = {ast.Add: lambda p, q: p + q, ast.Sub: lambda p, q: p - q, ast.Mult: lambda p, q: p * q,
                   ast.Div: lambda p, q: p / q, ast.Pow: lambda p, q: p ** q}
            return ops[type(n.op)](raw(a), raw(b))
        if isinstance(n, ast.Compare):
            name = cmp_names[type(n.ops[0])]
            return fw.call(name, [tensor(ev(n.left)), tensor(ev(n.comparators[0]))], used)
        if isinstance(n, ast.Call):
            name = n.func.id
            args = [ev(a) for a in n.args]
            if name in ('clip', 'leaky_relu'):
                args = [args[0]] + [float(raw(a)) for a in args[1:]]
            else:
                args = [tensor(a) for a in args]
            return fw.call(name, args, used)
        raise ValueError('unsupported syntax: ' + ast.dump(n))

    out = ev(ast.parse(expr, mode='eval').body)
    return tensor(out), used


# ---------------------------------------------------------------- the three frameworks

class Framework:
    """name -> (api spelling, function). Subclasses fill self.ops and the tensor plumbing."""

    def call(self, name, args, used):
        if name not in self.ops:
            raise Missing(name)
        api, fn = self.ops[name]
        used.append(api)
        return fn(*args)


class Missing(Exception):
    pass


class TF(Framework):
    name = 'tf'

    def __init__(self):
        os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
        import tensorflow as tf
        import keras
        tf.config.set_visible_devices([], 'GPU')
        self.tf = tf
        tnp = tf.experimental.numpy
        m, nn = tf.math, tf.nn
        stack = lambda xs: tf.stack(xs, axis=0)
        self.version = tf.__version__
        self.extra_versions = {'keras': keras.__version__}
        self.ops = {
            'exp': ('tf.math.exp', m.exp), 'log': ('tf.math.log', m.log), 'expm1': ('tf.math.expm1', m.expm1),
            'log1p': ('tf.math.log1p', m.log1p), 'sqrt': ('tf.math.sqrt', m.sqrt), 'abs': ('tf.math.abs', m.abs),
            'square': ('tf.math.square', m.square), 'reciprocal': ('tf.math.reciprocal', m.reciprocal),
            'sign': ('tf.math.sign', m.sign), 'sin': ('tf.math.sin', m.sin), 'cos': ('tf.math.cos', m.cos),
            'tan': ('tf.math.tan', m.tan), 'tanh': ('tf.math.tanh', m.tanh), 'sinh': ('tf.math.sinh', m.sinh),
            'cosh': ('tf.math.cosh', m.cosh), 'asin': ('tf.math.asin', m.asin), 'acos': ('tf.math.acos', m.acos),
            'atan': ('tf.math.atan', m.atan), 'sigmoid': ('tf.math.sigmoid', m.sigmoid),
            'softplus': ('tf.math.softplus', m.softplus), 'relu': ('tf.nn.relu', nn.relu),
            'relu6': ('tf.nn.relu6', nn.relu6),
            'leaky_relu': ('tf.nn.leaky_relu(x, alpha)', lambda x, a: nn.leaky_relu(x, alpha=a)),
            'elu': ('tf.nn.elu', nn.elu), 'selu': ('tf.nn.selu', nn.selu),
            'gelu': ('tf.nn.gelu(approximate=False)', lambda x: nn.gelu(x, approximate=False)),
            'gelu_tanh': ('tf.nn.gelu(approximate=True)', lambda x: nn.gelu(x, approximate=True)),
            'silu': ('tf.nn.silu', nn.silu), 'mish': ('keras.activations.mish', keras.activations.mish),
            'softsign': ('tf.nn.softsign', nn.softsign), 'log_sigmoid': ('tf.math.log_sigmoid', m.log_sigmoid),
            'erf': ('tf.math.erf', m.erf), 'erfc': ('tf.math.erfc', m.erfc), 'rsqrt': ('tf.math.rsqrt', m.rsqrt),
            'sinc': ('tf.experimental.numpy.sinc', tnp.sinc), 'asinh': ('tf.math.asinh', m.asinh),
            'acosh': ('tf.math.acosh', m.acosh), 'atanh': ('tf.math.atanh', m.atanh),
            'log2': ('tf.experimental.numpy.log2', tnp.log2), 'log10': ('tf.experimental.numpy.log10', tnp.log10),
            'floor': ('tf.math.floor', m.floor), 'ceil': ('tf.math.ceil', m.ceil), 'round': ('tf.math.round', m.round),
            'clip': ('tf.clip_by_value', tf.clip_by_value), 'pow': ('tf.math.pow', m.pow),
            'atan2': ('tf.math.atan2', m.atan2), 'maximum': ('tf.math.maximum', m.maximum),
            'minimum': ('tf.math.minimum', m.minimum), 'xlogy': ('tf.math.xlogy', m.xlogy),
            'xlog1py': ('tf.math.xlog1py', m.xlog1py), 'hypot': ('tf.experimental.numpy.hypot', tnp.hypot),
            'logaddexp': ('tf.experimental.numpy.logaddexp', tnp.logaddexp),
            'logsumexp': ('tf.math.reduce_logsumexp(tf.stack(.), 0)',
                          lambda *xs: m.reduce_logsumexp(stack(list(xs)), axis=0)),
            'where': ('tf.where', tf.where), 'less': ('tf.math.less', m.less), 'greater': ('tf.math.greater', m.greater),
            'equal': ('tf.math.equal', m.equal), 'less_equal': ('tf.math.less_equal', m.less_equal),
            'greater_equal': ('tf.math.greater_equal', m.greater_equal), 'not_equal': ('tf.math.not_equal', m.not_equal),
            'norm': ('tf.norm(tf.stack(.), axis=0)', lambda x, y: tf.norm(stack([x, y]), axis=0)),
            'binary_crossentropy': ('keras.losses.binary_crossentropy (epsilon clip)',
                                    lambda p, y: keras.losses.binary_crossentropy(y[:, None], p[:, None])),
            'bce_with_logits': ('tf.nn.sigmoid_cross_entropy_with_logits',
                                lambda z, y: nn.sigmoid_cross_entropy_with_logits(labels=y, logits=z)),
        }

    def start(self, dtype):
        self.dtype = dtype

    def const(self, v):
        return self.tf.constant(v, dtype=self.dtype)

    def run(self, expr, arrays):
        tf = self.tf
        xs = [tf.constant(a) for a in arrays]
        with tf.GradientTape(persistent=False) as tape:
            for x in xs:
                tape.watch(x)
            env = dict(zip(self.var_names, xs))
            out, used = evaluate(expr, env, self)
            out = out + tf.zeros_like(xs[0]) if out.shape != xs[0].shape else out
        grads = tape.gradient(out, xs)
        return out.numpy(), [None if g is None else g.numpy() for g in grads], used


class Torch(Framework):
    name = 'torch'

    def __init__(self):
        import torch
        import torch.nn.functional as F
        torch.set_num_threads(1)
        self.torch = torch
        self.version = torch.__version__
        self.extra_versions = {}
        t = torch
        stack = lambda xs: t.stack(xs, dim=0)
        self.ops = {
            'exp': ('torch.exp', t.exp), 'log': ('torch.log', t.log), 'expm1': ('torch.expm1', t.expm1),
            'log1p': ('torch.log1p', t.log1p), 'sqrt': ('torch.sqrt', t.sqrt), 'abs': ('torch.abs', t.abs),
            'square': ('torch.square', t.square), 'reciprocal': ('torch.reciprocal', t.reciprocal),
            'sign': ('torch.sign', t.sign), 'sin': ('torch.sin', t.sin), 'cos': ('torch.cos', t.cos),
            'tan': ('torch.tan', t.tan), 'tanh': ('torch.tanh', t.tanh), 'sinh': ('torch.sinh', t.sinh),
            'cosh': ('torch.cosh', t.cosh), 'asin': ('torch.asin', t.asin), 'acos': ('torch.acos', t.acos),
            'atan': ('torch.atan', t.atan), 'sigmoid': ('torch.sigmoid', t.sigmoid),
            'softplus': ('torch.nn.functional.softplus', F.softplus), 'relu': ('torch.nn.functional.relu', F.relu),
            'relu6': ('torch.nn.functional.relu6', F.relu6),
            'leaky_relu': ('torch.nn.functional.leaky_relu(x, slope)', F.leaky_relu),
            'elu': ('torch.nn.functional.elu', F.elu), 'selu': ('torch.nn.functional.selu', F.selu),
            'gelu': ('torch.nn.functional.gelu', F.gelu),
            'gelu_tanh': ("torch.nn.functional.gelu(approximate='tanh')", lambda x: F.gelu(x, approximate='tanh')),
            'silu': ('torch.nn.functional.silu', F.silu), 'mish': ('torch.nn.functional.mish', F.mish),
            'softsign': ('torch.nn.functional.softsign', F.softsign),
            'log_sigmoid': ('torch.nn.functional.logsigmoid', F.logsigmoid),
            'erf': ('torch.erf', t.erf), 'erfc': ('torch.erfc', t.erfc), 'rsqrt': ('torch.rsqrt', t.rsqrt),
            'sinc': ('torch.sinc', t.sinc), 'asinh': ('torch.asinh', t.asinh), 'acosh': ('torch.acosh', t.acosh),
            'atanh': ('torch.atanh', t.atanh), 'log2': ('torch.log2', t.log2), 'log10': ('torch.log10', t.log10),
            'floor': ('torch.floor', t.floor), 'ceil': ('torch.ceil', t.ceil), 'round': ('torch.round', t.round),
            'clip': ('torch.clamp', t.clamp), 'pow': ('torch.pow', t.pow), 'atan2': ('torch.atan2', t.atan2),
            'maximum': ('torch.maximum', t.maximum), 'minimum': ('torch.minimum', t.minimum),
            'xlogy': ('torch.xlogy', t.xlogy), 'xlog1py': ('torch.special.xlog1py', t.special.xlog1py),
            'hypot': ('torch.hypot', t.hypot), 'logaddexp': ('torch.logaddexp', t.logaddexp),
            'logsumexp': ('torch.logsumexp(torch.stack(.), 0)', lambda *xs: t.logsumexp(stack(list(xs)), dim=0)),
            'where': ('torch.where', t.where), 'less': ('torch.lt', t.lt), 'greater': ('torch.gt', t.gt),
            'equal': ('torch.eq', t.eq), 'less_equal': ('torch.le', t.le), 'greater_equal': ('torch.ge', t.ge),
            'not_equal': ('torch.ne', t.ne),
            'norm': ('torch.linalg.vector_norm(torch.stack(.), dim=0)',
                     lambda x, y: t.linalg.vector_norm(stack([x, y]), dim=0)),
            'binary_crossentropy': ("torch.nn.functional.binary_cross_entropy(reduction='none')",
                                    lambda p, y: F.binary_cross_entropy(p, y, reduction='none')),
            'bce_with_logits': ("torch.nn.functional.binary_cross_entropy_with_logits(reduction='none')",
                                lambda z, y: F.binary_cross_entropy_with_logits(z, y, reduction='none')),
        }

    def start(self, dtype):
        self.dtype = getattr(self.torch, dtype)

    def const(self, v):
        return self.torch.tensor(v, dtype=self.dtype)

    def run(self, expr, arrays):
        torch = self.torch
        xs = [torch.tensor(a, requires_grad=True) for a in arrays]
        env = dict(zip(self.var_names, xs))
        out, used = evaluate(expr, env, self)
        out = out.expand(xs[0].shape) if out.shape != xs[0].shape else out
        if out.requires_grad:
            grads = torch.autograd.grad(out, xs, grad_outputs=torch.ones_like(out), allow_unused=True)
        else:
            grads = [None] * len(xs)
        return out.detach().numpy(), [None if g is None else g.numpy() for g in grads], used


class Jax(Framework):
    name = 'jax'

    def __init__(self):
        import jax
        jax.config.update('jax_enable_x64', True)
        jax.config.update('jax_platforms', 'cpu')
        import jax.numpy as jnp
        import jax.scipy.special as jss
        self.jax, self.jnp = jax, jnp
        self.version = jax.__version__
        import jaxlib
        self.extra_versions = {'jaxlib': jaxlib.__version__}
        nn = jax.nn
        stack = lambda xs: jnp.stack(xs, axis=0)
        ops = {
            'exp': ('jnp.exp', jnp.exp), 'log': ('jnp.log', jnp.log), 'expm1': ('jnp.expm1', jnp.expm1),
            'log1p': ('jnp.log1p', jnp.log1p), 'sqrt': ('jnp.sqrt', jnp.sqrt), 'abs': ('jnp.abs', jnp.abs),
            'square': ('jnp.square', jnp.square), 'reciprocal': ('jnp.reciprocal', jnp.reciprocal),
            'sign': ('jnp.sign', jnp.sign), 'sin': ('jnp.sin', jnp.sin), 'cos': ('jnp.cos', jnp.cos),
            'tan': ('jnp.tan', jnp.tan), 'tanh': ('jnp.tanh', jnp.tanh), 'sinh': ('jnp.sinh', jnp.sinh),
            'cosh': ('jnp.cosh', jnp.cosh), 'asin': ('jnp.arcsin', jnp.arcsin), 'acos': ('jnp.arccos', jnp.arccos),
            'atan': ('jnp.arctan', jnp.arctan), 'sigmoid': ('jax.nn.sigmoid', nn.sigmoid),
            'softplus': ('jax.nn.softplus', nn.softplus), 'relu': ('jax.nn.relu', nn.relu),
            'relu6': ('jax.nn.relu6', nn.relu6),
            'leaky_relu': ('jax.nn.leaky_relu(x, negative_slope)', nn.leaky_relu),
            'elu': ('jax.nn.elu', nn.elu), 'selu': ('jax.nn.selu', nn.selu),
            'gelu': ('jax.nn.gelu(approximate=False)', lambda x: nn.gelu(x, approximate=False)),
            'gelu_tanh': ('jax.nn.gelu(approximate=True)', lambda x: nn.gelu(x, approximate=True)),
            'silu': ('jax.nn.silu', nn.silu), 'softsign': ('jax.nn.soft_sign', nn.soft_sign),
            'log_sigmoid': ('jax.nn.log_sigmoid', nn.log_sigmoid),
            'erf': ('jax.scipy.special.erf', jss.erf), 'erfc': ('jax.scipy.special.erfc', jss.erfc),
            'rsqrt': ('jax.lax.rsqrt', jax.lax.rsqrt), 'sinc': ('jnp.sinc', jnp.sinc),
            'asinh': ('jnp.arcsinh', jnp.arcsinh), 'acosh': ('jnp.arccosh', jnp.arccosh),
            'atanh': ('jnp.arctanh', jnp.arctanh), 'log2': ('jnp.log2', jnp.log2), 'log10': ('jnp.log10', jnp.log10),
            'floor': ('jnp.floor', jnp.floor), 'ceil': ('jnp.ceil', jnp.ceil), 'round': ('jnp.round', jnp.round),
            'clip': ('jnp.clip', jnp.clip), 'pow': ('jnp.power', jnp.power), 'atan2': ('jnp.arctan2', jnp.arctan2),
            'maximum': ('jnp.maximum', jnp.maximum), 'minimum': ('jnp.minimum', jnp.minimum),
            'xlogy': ('jax.scipy.special.xlogy', jss.xlogy), 'xlog1py': ('jax.scipy.special.xlog1py', jss.xlog1py),
            'hypot': ('jnp.hypot', jnp.hypot), 'logaddexp': ('jnp.logaddexp', jnp.logaddexp),
            'logsumexp': ('jax.nn.logsumexp(jnp.stack(.), axis=0)',
                          lambda *xs: nn.logsumexp(stack(list(xs)), axis=0)),
            'where': ('jnp.where', jnp.where), 'less': ('jnp.less', jnp.less), 'greater': ('jnp.greater', jnp.greater),
            'equal': ('jnp.equal', jnp.equal), 'less_equal': ('jnp.less_equal', jnp.less_equal),
            'greater_equal': ('jnp.greater_equal', jnp.greater_equal), 'not_equal': ('jnp.not_equal', jnp.not_equal),
            'norm': ('jnp.linalg.norm(jnp.stack(.), axis=0)', lambda x, y: jnp.linalg.norm(stack([x, y]), axis=0)),
        }
        if hasattr(nn, 'mish'):
            ops['mish'] = ('jax.nn.mish', nn.mish)
        try:
            import optax
            self.extra_versions['optax'] = optax.__version__
            ops['bce_with_logits'] = ('optax.losses.sigmoid_binary_cross_entropy',
                                      lambda z, y: optax.losses.sigmoid_binary_cross_entropy(z, y))
        except ImportError:
            pass
        self.ops = ops

    def start(self, dtype):
        self.dtype = getattr(self.jnp, dtype)

    def const(self, v):
        return self.jnp.asarray(v, dtype=self.dtype)

    def run(self, expr, arrays):
        jax, jnp = self.jax, self.jnp
        used_box = []

        def f(*xs):
            out, used = evaluate(expr, dict(zip(self.var_names, xs)), self)
            used_box[:] = used
            return jnp.broadcast_to(out, xs[0].shape)

        xs = [jnp.asarray(a) for a in arrays]
        out, vjp = jax.vjp(f, *xs)
        grads = vjp(jnp.ones_like(out))
        return np.asarray(out), [np.asarray(g) for g in grads], used_box


def make(name):
    return {'tf': TF, 'torch': Torch, 'jax': Jax}[name]()


# ---------------------------------------------------------------- running the grid

def run_case(fw, case, dtype, grid):
    fw.var_names = case['vars']
    pts = points_for(case, dtype)
    cols = [np.array([resolve(p[i], dtype, grid) for p in pts], dtype=dtype) for i in range(len(case['vars']))]
    tiled = [np.tile(c, TILE) for c in cols]
    value, grads, used = fw.run(case['expr'], tiled)
    rows = []
    for k in range(len(pts)):
        row = {'case': case['case'], 'expr': case['expr'], 'dtype': dtype,
               'args': {v: rep(cols[i][k]) for i, v in enumerate(case['vars'])},
               'value': rep(value[k]),
               'grad': {v: None if grads[i] is None else rep(grads[i][k]) for i, v in enumerate(case['vars'])}}
        rows.append(row)
    return rows, sorted(set(used))


def ordered(v, dtype):
    """Float -> integer with the same order (for bisection over every float of the dtype)."""
    if dtype == 'float32':
        i = struct.unpack('<i', struct.pack('<f', v))[0]
    else:
        i = struct.unpack('<q', struct.pack('<d', v))[0]
    return i if i >= 0 else -(i & (2 ** (31 if dtype == 'float32' else 63) - 1))


def unordered(i, dtype):
    bits = 31 if dtype == 'float32' else 63
    raw = i if i >= 0 else (-i) | (1 << bits)
    if dtype == 'float32':
        return struct.unpack('<f', struct.pack('<I', raw))[0]
    return struct.unpack('<d', struct.pack('<Q', raw))[0]


def classify(v):
    if v is None:
        return 'none'
    if math.isnan(v):
        return 'nan'
    if math.isinf(v):
        return 'inf' if v > 0 else '-inf'
    if v == 0:
        return '0'
    return 'finite'


def run_cliff(fw, cliff, dtype):
    fw.var_names = ['x']

    def holds(x):
        value, grads, _ = fw.run(cliff['expr'], [np.full(64, x, dtype=dtype)])
        v = float(value[0]) if cliff['target'] == 'value' else (None if grads[0] is None else float(grads[0][0]))
        return classify(v) == cliff['is']

    lo, hi = ordered(float(cliff['lo']), dtype), ordered(float(cliff['hi']), dtype)
    if not holds(unordered(lo, dtype)) or holds(unordered(hi, dtype)):
        return {'case': cliff['case'], 'kind': 'cliff', 'expr': cliff['expr'], 'dtype': dtype,
                'target': cliff['target'], 'is': cliff['is'], 'last_true': None, 'first_false': None,
                'note': 'predicate does not change between lo and hi'}
    while abs(hi - lo) > 1:
        mid = (lo + hi) // 2
        if holds(unordered(mid, dtype)):
            lo = mid
        else:
            hi = mid
    return {'case': cliff['case'], 'kind': 'cliff', 'expr': cliff['expr'], 'dtype': dtype, 'target': cliff['target'],
            'is': cliff['is'], 'last_true': rep(unordered(lo, dtype)), 'first_false': rep(unordered(hi, dtype))}


def flags_from(rows):
    """FTZ/DAZ per dtype, measured: x*1 of a subnormal (inputs flushed: DAZ) and a product that underflows (FTZ)."""
    flags = {}
    for dtype in ('float32', 'float64'):
        mul1 = [r for r in rows if r['case'] == 'ftz_mul1' and r['dtype'] == dtype]
        und = [r for r in rows if r['case'] == 'ftz_underflow' and r['dtype'] == dtype]
        if not mul1:
            continue
        sub_in = [r for r in mul1 if float(r['args']['x']) < float(resolve('min_normal', dtype, load_grid()))]
        kept_in = all(float(r['value']) == float(r['args']['x']) for r in sub_in)
        prod = [r for r in und if 0 < abs(float(r['args']['x']) * float(r['args']['y'])) <
                float(resolve('min_normal', dtype, load_grid()))]
        kept_out = all(float(r['value']) != 0 for r in prod)
        flags[dtype] = {'subnormal_inputs_kept': kept_in, 'subnormal_results_kept': kept_out,
                        'ftz_daz': not kept_in or not kept_out,
                        'evidence': {'x*1': {r['args']['x']: r['value'] for r in sub_in},
                                     'x*y': {r['args']['x'] + '*' + r['args']['y']: r['value'] for r in prod}}}
    return flags


def generate(name):
    grid = load_grid()
    fw = make(name)
    rows, skipped, apis = [], {}, {}
    cases = expand_cases(grid)
    for dtype in grid['dtypes']:
        fw.start(dtype)
        for case in cases:
            try:
                r, used = run_case(fw, case, dtype, grid)
                rows.extend(r)
                apis[case['case']] = used
            except Missing as e:
                skipped[case['case']] = 'no ' + str(e) + ' op'
            except Exception as e:  # a framework refusing a dtype or an input is a finding too
                skipped[case['case'] + ':' + dtype] = type(e).__name__ + ': ' + str(e).strip().splitlines()[0][:200]
    cliffs = []
    for dtype in grid['dtypes']:
        fw.start(dtype)
        for c in grid['cliffs']:
            try:
                cliffs.append(run_cliff(fw, c, dtype))
            except Missing as e:
                skipped[c['case']] = 'no ' + str(e) + ' op'
    header = {'header': True, 'framework': name, 'version': fw.version, 'versions': fw.extra_versions,
              'python': platform.python_version(), 'numpy': np.__version__, 'device': 'cpu',
              'machine': platform.machine(), 'dtypes': grid['dtypes'], 'flags': flags_from(rows),
              'evaluation': 'batched: each variable a 1-D tensor of the points tiled %d times; eager mode; '
                            'gradient = VJP with upstream ones' % TILE,
              'api': apis, 'skipped': skipped, 'rows': len(rows), 'cliffs': len(cliffs)}
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + '.jsonl')
    with open(path, 'w') as f:
        f.write(json.dumps(header) + '\n')
        for r in rows + cliffs:
            f.write(json.dumps(r) + '\n')
    print('%s: %d rows, %d cliffs, %d skipped -> %s' % (name, len(rows), len(cliffs), len(skipped), path))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--framework', choices=FRAMEWORKS + ['all'])
    ap.add_argument('--readme', action='store_true', help='write fixtures/frameworks/README.md from the .jsonl files')
    a = ap.parse_args()
    if a.framework == 'all':
        for name in FRAMEWORKS:  # one process each: TF, torch and XLA each set up their own threads and flags
            subprocess.run([sys.executable, __file__, '--framework', name], check=True)
    elif a.framework:
        generate(a.framework)
    if a.readme:
        sys.path.insert(0, HERE)
        from frameworks_readme import write_readme
        write_readme(OUT, load_grid())
    if not a.framework and not a.readme:
        ap.error('give --framework or --readme')


if __name__ == '__main__':
    main()
