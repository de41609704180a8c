#!/usr/bin/env python3
"""Golden values and gradients from the real frameworks (TensorFlow, PyTorch, JAX) on CPU.

  python oracle/frameworks.py --framework tf|torch|jax|all   -> fixtures/frameworks/<framework>.jsonl
  python oracle/frameworks.py --readme                         -> fixtures/frameworks/README.md (from all four .jsonl)

Every case of oracle/grid.json (shared with oracle/tfjs.mjs) is evaluated as a batch: each variable is a 1-D tensor
of the case's points, tiled 64 times so that every point goes through the vectorised kernel body as a training batch
does (not a scalar tail loop); the rows report the first copy. Gradients are the vector-Jacobian product with an
upstream of ones (tf.GradientTape.gradient, torch.autograd.grad, jax.vjp), i.e. the gradient of each element with
upstream 1. A gradient the framework returns as None (no gradient registered or unconnected) is written as null.
"""
import argparse
import ast
import collections
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
# 64 copies: every point lies in the vectorised body of the kernel loop (AVX-512 packets of 16 floats, torch's
# 2-vector unrolled loops of 32), never in a scalar remainder loop, whatever the number of points.
TILE = 64
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
                                    lambda p, y: keras.losses.binary_crossentropy(y[..., None], p[..., None])),
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
        self.extra_versions = {'cpu_capability': torch.backends.cpu.get_cpu_capability()}
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

    def run(self, expr, arrays, jit=False):
        jax, jnp = self.jax, self.jnp
        used_box = []

        def f(*xs):
            out, used = evaluate(expr, dict(zip(self.var_names, xs)), self)
            used_box[:] = used
            return jnp.broadcast_to(out, xs[0].shape)

        def value_and_vjp(*xs):
            out, vjp = jax.vjp(f, *xs)
            return out, vjp(jnp.ones_like(out))

        xs = [jnp.asarray(a) for a in arrays]
        out, grads = (jax.jit(value_and_vjp) if jit else value_and_vjp)(*xs)
        return np.asarray(out), [np.asarray(g) for g in grads], used_box


def make(name):
    return {'tf': TF, 'torch': Torch, 'jax': Jax}[name]()


# ---------------------------------------------------------------- running the grid

def run_case(fw, case, dtype, grid, **run_options):
    fw.var_names = case['vars']
    pts = points_for(case, dtype)
    cols = [np.array([resolve(p[i], dtype, grid) for p in pts], dtype=dtype) for i in range(len(case['vars']))]
    tiled = [np.tile(c, TILE) for c in cols]
    value, grads, used = fw.run(case['expr'], tiled, **run_options)
    rows = []
    for k in range(len(pts)):
        row = {'case': case['case'], 'expr': case['expr'], 'dtype': dtype,
               'args': {v: rep(cols[i][k]) for i, v in enumerate(case['vars'])},
               'value': rep(value[k]),
               'grad': {v: None if grads[i] is None else rep(grads[i][k]) for i, v in enumerate(case['vars'])}}
        rows.append(row)
    return rows, sorted(set(used))


def check_scalar(fw, case, dtype, rows):
    """Re-evaluate every point as 0-d tensors (the scalar kernel path); return the rows where anything differs."""
    fw.var_names = case['vars']
    out = []
    for r in rows:
        arrays = [np.array(float(r['args'][v]), dtype=dtype) for v in case['vars']]
        value, grads, _ = fw.run(case['expr'], arrays)
        got = {'value': rep(value), 'grad': {v: None if g is None else rep(g) for v, g in zip(case['vars'], grads)}}
        if got['value'] != r['value'] or got['grad'] != r['grad']:
            out.append({'case': r['case'], 'dtype': dtype, 'args': r['args'], 'batched': {'value': r['value'], 'grad': r['grad']},
                        'scalar': got})
    return out


def diff_rows(a_rows, b_rows, a_name, b_name):
    out = []
    for a, b in zip(a_rows, b_rows):
        if a['value'] != b['value'] or a['grad'] != b['grad']:
            out.append({'case': a['case'], 'dtype': a['dtype'], 'args': a['args'],
                        a_name: {'value': a['value'], 'grad': a['grad']}, b_name: {'value': b['value'], 'grad': b['grad']}})
    return out


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


def cpu_features():
    try:
        with open('/proc/cpuinfo') as f:
            flags = next((l.split(':', 1)[1].split() for l in f if l.startswith('flags')), [])
    except OSError:
        return []
    return sorted(set(flags) & {'sse2', 'avx', 'avx2', 'fma', 'avx512f'})


def generate(name):
    grid = load_grid()
    fw = make(name)
    rows, skipped, apis = [], {}, {}
    scalar_diffs, jit_diffs = [], []
    cases = expand_cases(grid)
    for dtype in grid['dtypes']:
        fw.start(dtype)
        for case in cases:
            try:
                r, used = run_case(fw, case, dtype, grid)
                rows.extend(r)
                apis[case['case']] = used
                scalar_diffs.extend(check_scalar(fw, case, dtype, r))
                if name == 'jax':
                    jit_diffs.extend(diff_rows(r, run_case(fw, case, dtype, grid, jit=True)[0], 'eager', 'jit'))
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
              'machine': platform.machine(), 'cpu_features': cpu_features(), 'dtypes': grid['dtypes'], 'flags': flags_from(rows),
              'evaluation': 'batched: each variable a 1-D tensor of the points tiled %d times; eager mode; '
                            'gradient = VJP with upstream ones' % TILE,
              'api': apis, 'skipped': skipped, 'rows': len(rows), 'cliffs': len(cliffs),
              'scalar_vs_batched': {'about': 'every row re-evaluated with 0-d tensors (scalar kernels); '
                                             'the rows where value or a gradient differs', 'differences': scalar_diffs}}
    if name == 'jax':
        header['jit_vs_eager'] = {'about': 'every case re-run under jax.jit (XLA fuses the whole value-and-VJP); '
                                           'the rows where value or a gradient differs', 'differences': jit_diffs}
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + '.jsonl')
    with open(path, 'w') as f:
        f.write(json.dumps(header) + '\n')
        for r in rows + cliffs:
            f.write(json.dumps(r) + '\n')
    print('%s: %d rows, %d cliffs, %d skipped -> %s' % (name, len(rows), len(cliffs), len(skipped), path))


# ---------------------------------------------------------------- README: versions, counts and the differences

ALL = ['tfjs', 'tf', 'torch', 'jax']

# What the issue reports, checked against the goldens: (claim, case, dtype, args, target, expected per framework).
CLAIMS = [
    ("abs' at 0", 'abs_at_0', 'float32', {'x': '0'}, 'grad:x',
     {'tfjs': '-1.0', 'tf': '0.0', 'torch': '0.0', 'jax': '1.0'}),
    ("where(x > 0, sqrt(x), x)' at -10", 'where_sqrt', 'float32', {'x': '-10'}, 'grad:x',
     {'tfjs': 'nan', 'tf': '1.0', 'torch': 'nan', 'jax': 'nan'}),
    ("where(x == 0, 1, sin(x)/x)' at 1e-30", 'where_sinc', 'float32', {'x': '1e-30'}, 'grad:x',
     {'tfjs': '-inf', 'tf': '0.0', 'torch': '0.0', 'jax': '-inf'}),
    ("pow(x, y) d/dx at (0, 0) (torch: exponent == 0 short-cut)", 'pow_var', 'float32', {'x': '0', 'y': '0'}, 'grad:x',
     {'torch': '0.0'}),
    ("focal -(1-p)**g*log(p) d/dp at p=1, g=0 (tensor g)", 'focal_var', 'float32', {'p': '1', 'g': '0'}, 'grad:p', {}),
    ("focal -(1-p)**0*log(p) d/dp at p=1 (literal 0: jax integer_pow)", 'focal_g0', 'float32', {'p': '1'}, 'grad:p', {}),
    ('maximum tie (1, 1): d/dx', 'max_tie', 'float32', {'x': '1', 'y': '1'}, 'grad:x',
     {'tfjs': '1.0', 'tf': '1.0', 'torch': '0.5', 'jax': '0.5'}),
    ('maximum tie (1, 1): d/dy', 'max_tie', 'float32', {'x': '1', 'y': '1'}, 'grad:y',
     {'tfjs': '0.0', 'tf': '0.0', 'torch': '0.5', 'jax': '0.5'}),
    ('clip(x, 0, 1) at the bound x=1', 'clip_bounds', 'float32', {'x': '1'}, 'grad:x',
     {'tfjs': '1.0', 'tf': '1.0', 'torch': '1.0', 'jax': '0.5'}),
    ('clip(x, 0, 1) at the bound x=0', 'clip_bounds', 'float32', {'x': '0'}, 'grad:x',
     {'tfjs': '1.0', 'tf': '1.0', 'torch': '1.0', 'jax': '0.5'}),
    ('inf upstream through where: sqrt(where(x > 0, x, 0)) at 0', 'inf_up_where', 'float32', {'x': '0'}, 'grad:x',
     {'tfjs': 'nan', 'tf': '0.0', 'torch': '0.0', 'jax': 'nan'}),
    ('inf upstream through maximum: sqrt(maximum(x, 0)) at -1', 'inf_up_maximum', 'float32', {'x': '-1'}, 'grad:x',
     {'tfjs': 'nan', 'tf': '0.0', 'torch': '0.0', 'jax': 'nan'}),
    ('inf upstream through clip: sqrt(clip(x, 0, 1)) at -1', 'inf_up_clip', 'float32', {'x': '-1'}, 'grad:x',
     {'tfjs': 'nan', 'tf': '0.0', 'torch': '0.0', 'jax': 'nan'}),
    ('sign(NaN)', 'sign_nan', 'float32', {'x': 'nan'}, 'value',
     {'tfjs': '0.0', 'tf': 'nan', 'torch': '0.0', 'jax': 'nan'}),
    ('logsumexp(-inf, -inf)', 'logsumexp_neginf', 'float32', {'x': '-inf', 'y': '-inf'}, 'value',
     {'tfjs': 'nan', 'tf': '-inf', 'torch': '-inf', 'jax': '-inf'}),
    ('atan2 d/dy at (0, 0)', 'atan2_origin', 'float32', {'x': '0', 'y': '0'}, 'grad:x',
     {'tfjs': 'nan', 'tf': 'nan', 'torch': '0.0', 'jax': 'nan'}),
    ("the framework's norm op at (0, 0): d/dx", 'norm_op', 'float32', {'x': '0', 'y': '0'}, 'grad:x',
     {'torch': '0.0'}),
]
CLAIM_CLIFF = ('log(sigmoid(x)) float32 turns -inf at', 'cliff_log_of_sigmoid',
               {'tfjs': '-103.97', 'tf': '-87.4', 'torch': '-103.97', 'jax': '-87.4'})

HIGHLIGHTS = [
    "**tf's FTZ depends on the kernel path.** Its vectorised (Eigen packet) kernels flush subnormal inputs and results "
    "(`log(min_subnormal)` = -inf), but 0-d tensors and the remainder of a tensor that does not fill a packet call the C "
    "library, which reads them (`log(min_subnormal)` = -103.97); in one 15-element tensor the last element differs from "
    "the first. Batched, `tf.math.sign(-1.4e-45)` returns +1.4e-45. (scalar-vs-batched section)",
    "**torch's float32 `log(sigmoid(x))` turns -inf at -88.72**, not -103.97: its sigmoid is 1 / (1 + exp(-x)) and "
    "exp(-x) overflows first; the gradient there is NaN. (cliffs, `log_of_sigmoid`)",
    "**jax's where is a select**: an inf upstream gradient gives 0 on the unselected side, as in tf and torch; only tfjs "
    "(mask multiply) gives NaN. jax's `clip` is maximum then minimum, so it splits 0.5 at a bound and gives NaN below "
    "the bound with an inf upstream; tfjs's clipByValue gradient is a where (0). (`inf_up_*`, `clip_bounds`)",
    "**tf's relu gradient multiplies** (ReluGrad: gradients * (features > 0)), so `sqrt(relu(x))` at x <= 0 has "
    "gradient NaN in tf and tfjs, 0 in torch and jax. (`inf_up_relu`)",
    "**tf has no gradient for floor, ceil and round** (None, written null); the others return 0.",
    "**tf's xlogy/xlog1py mask x == 0 everywhere**: value 0 and both gradients 0 even for y < 0 or y = NaN; torch masks "
    "only y <= 0 for d/dx; jax masks nothing (d/dx = -inf or NaN at x = 0).",
    "**tf lacks hypot, logaddexp, sinc, log2, log10** in tf.math; the tf.experimental.numpy versions used here are naive "
    "formulas: hypot overflows at max (inf, NaN gradients), logaddexp at a tie has gradient (1, 0) instead of "
    "(0.5, 0.5), sinc has gradient NaN at 0.",
    "**Built-in binary cross-entropy**: Keras (and tfjs metrics) clip p to [1e-7, 1 - 1e-7]: finite at p in {0, 1} with "
    "gradient 0 wrt p there; torch clamps each log at -100 (value 100) but its gradient wrt p is +-1e12 and wrt y "
    "+-inf. optax has no probability-input BCE; the logits versions agree in class everywhere on the grid.",
    "**tfjs's erf is an approximation** (Abramowitz-Stegun 7.1.26, absolute error about 1e-9): erf(1e-20) = 1e-9. "
    "**tfjs's pow is JS Math.pow**: pow(+-1, +-inf) and pow(1, NaN) are NaN (1 elsewhere).",
    "**torch's own kernels disagree**: the gradients of elu, selu and relu6 at NaN, sinh/cosh next to overflow and gelu "
    "at inf differ between a batch and a 0-d tensor.",
    "**jax.jit changes results**: XLA folds `x * 1` (a subnormal survives, so that FTZ probe says 'keeps' under jit) and "
    "the float32 gradient of `log(sigmoid(x))` at -87.4 is 0 under jit, NaN eagerly. (jit-vs-eager section)",
    "**Branch choices at 0 and NaN differ**: jax takes the positive branch at 0 for abs (1) and leaky_relu (1); tf's "
    "selu'(0) is scale (1.0507), the others scale * alpha (1.7581); tf's leaky_relu slope is a float32 attribute even in "
    "float64 (0.009999999776482582); at NaN, relu' is 1 in torch, 0 in tf and jax, NaN in tfjs.",
    "**pow d/dy for x < 0**: tf and tfjs 0 (they mask log(x) to x > 0), torch and jax NaN; at x = 0, y < 0 torch "
    "gives -inf, the others NaN.",
    "**logsumexp**: tfjs gives NaN whenever a term is +inf or all are -inf (no guard on the max); torch's gradient is "
    "0 where tf and jax give NaN (a finite max next to an inf term).",
]


# One line per case on why the frameworks differ, from the sources of the versions measured (paths inside the
# installed packages: site-packages/ for tf, torch and jax; node_modules/@tensorflow/tfjs-core/dist/ for tfjs).
WHY = {
    'abs': "tfjs: dy * step(x, -1) (gradients/Abs_grad.js) gives -1 at 0; tf: grad * sign(x) (tensorflow/python/ops/math_grad.py _AbsGrad), 0 at 0 and NaN at NaN; torch: grad * self.sgn() (torchgen/packaged/autograd/derivatives.yaml), sgn(NaN) = 0; jax: select(x >= 0, g, -g) (jax/_src/lax/lax.py _abs_jvp_rule), +1 at 0 and -1 at NaN.",
    'abs_at_0': 'see abs.',
    'where_sqrt': "tf: the sqrt gradient is the fused SqrtGrad kernel (math_grad.py _SqrtGrad -> gen_math_ops.sqrt_grad), which gives 0 where the upstream gradient is 0, so the masked-off branch cannot turn 0 * inf into NaN; tfjs/torch/jax multiply 0 by 1/(2 sqrt(x)) = NaN.",
    'where_sinc': "Not the where rule: the division gradient. tf RealDiv grad wrt y is grad * ((-x / y) / y) and torch's is -grad * ((self / other) / other) (derivatives.yaml div), both finite at 1e-30; tfjs (gradients/Div_grad.js: a / square(b)) and jax (div jvp: x * integer_pow(y, -2)) square y first, 1e-60 underflows to 0 in float32: -inf. At 1e-20 the square is subnormal: kept by tfjs (finite), flushed by jax (inf).",
    'where_log': '-',
    'sinc': "tf has no sinc op; tf.experimental.numpy.sinc is where(x == 0, 1, sin(pi x) / (pi x)) (numpy_ops/np_math_ops.py): the where trap, NaN at 0; torch's sinc_backward and jax's sinc (custom jvp at 0) give 0; with FTZ, jax's tiny-x gradient becomes +-inf at the smallest normal. Near 1e-3 (float32) the three gradients differ by 4% (cancellation in each framework's formula).",
    'story_where': '-',
    'pow': "At (max, -1) in float32 the result max^-1 is subnormal, so tf and jax (FTZ) give d/dy = 0. tf/tfjs d/dy use log(x) only where x > 0 (math_grad.py _PowGrad mask, gradients/Pow_grad.js), 0 elsewhere; torch and jax use log(x) everywhere (NaN for x < 0, -inf*0 at x = 0). torch pow_backward_self has the exponent == 0 short-cut (0, not 0 * x^-1). tfjs's forward is JS Math.pow, where pow(-1, +-inf) and pow(1, NaN) are NaN (C's pow gives 1).",
    'pow_var': 'see pow.',
    'pow_lit0': "torch pow.Tensor_Scalar: pow_backward returns zeros when exponent == 0; jax: x ** 0 with a Python int is integer_pow(x, 0), whose jvp is zeros (lax.py _integer_pow_jvp); tf and tfjs compute 0 * x^-1 = 0 * inf = NaN at x = 0.",
    'focal_g0': "The same short-cuts as pow_lit0: torch and jax return 0 for d/dx (1-p)**0 and skip 0 * log(p) = 0 * -inf; tf and tfjs: 0 * inf = NaN. With a tensor g = 0 (focal_var) only torch still short-cuts (pow_backward_self: where(exponent == 0, 0, ...)).",
    'focal_var': 'see focal_g0.',
    'maximum': "tf: where_v2(x >= y, grad, 0) / where_v2(x >= y, 0, grad) (math_grad.py _MaximumMinimumGrad): ties and NaN go all to one side; tfjs: dy * (a >= b), dy * (a < b) (gradients/Maximum_grad.js); torch: where(self == other, grad / 2, grad) masked by self < other (derivatives.yaml maximum), so NaN passes grad to both; jax: _balanced_eq (lax.py) splits ties 0.5/0.5 and gives NaN 0 to both.",
    'minimum': 'see maximum.',
    'max_tie': 'see maximum.',
    'min_tie': 'see maximum.',
    'max_const_tie': 'see maximum.',
    'clip_bounds': "jnp.clip is jnp.maximum(min, x) then jnp.minimum(max, x) (jax/_src/numpy/lax_numpy.py clip), so at a bound it inherits the 0.5 tie split of max/min; tf clip_by_value's gradient, torch clamp_backward and tfjs (gradients/ClipByValue_grad.js: where(x >= lo && x <= hi, dy, 0)) pass the whole gradient at a bound.",
    'clip': 'see clip_bounds.',
    'inf_up_where': "tfjs Select grad is mul(dy, cast(condition)) (gradients/Select_grad.js): inf * 0 = NaN on the unselected side; tf (where_v2 in _SelectGradV2), torch (where(condition, grad, 0)) and jax (select transpose) select, so 0.",
    'inf_up_maximum': "tfjs maximum grad multiplies dy by a 0/1 mask (inf * 0 = NaN); jax max jvp multiplies by _balanced_eq (inf * 0 = NaN); tf and torch select (0).",
    'inf_up_clip': "jnp.clip is maximum then minimum (see clip_bounds), so below the bound jax multiplies the inf upstream by 0 (NaN) and at the bound by 0.5; tfjs clipByValue's gradient is a where (gradients/ClipByValue_grad.js), tf and torch select: 0. The issue's 'tfjs NaN' for clip is not what tfjs 4.22 does.",
    'inf_up_relu': "tf ReluGrad kernel computes gradients * (features > 0) (tensorflow/core/kernels/relu_op_functor.h): inf * 0 = NaN; tfjs: mul(dy, step(x)) (gradients/Relu_grad.js); torch threshold_backward and jax relu's custom jvp (select(x > 0, g, 0), jax/_src/nn/functions.py) select: 0.",
    'relu': "(torch's relu6, elu and selu gradients at NaN differ between its batched and scalar kernels: see the scalar section.) At x = NaN: torch threshold_backward passes grad where not (x <= 0), so 1; tf ReluGrad (features > 0) and jax select(x > 0) give 0; tfjs step(NaN) = NaN.",
    'relu6': 'tfjs: dy * ((x <= 6) * step(x)) (gradients/Relu6_grad.js): 1 at x = 6 (the others 0) and NaN at NaN (step(NaN) = NaN).',
    'sign': "sign(NaN): tf and jax (XLA sign) return NaN; torch's and tfjs's kernels return 0 (comparisons with NaN are false).",
    'sign_nan': 'see sign.',
    'logsumexp2': "tfjs logSumExp is max + log(sum(exp(x - max))) without a guard for infinite max: -inf - -inf and inf - inf give NaN; tf reduce_logsumexp and jax logsumexp replace a non-finite max by 0 behind stop_gradient (tensorflow/python/ops/math_ops.py reduce_logsumexp; jax/_src/ops/special.py), so with an inf term the others' gradient is exp(x)/sum = inf/inf = NaN; torch logsumexp guards the same way. torch's logsumexp_backward is grad * exp(self - result) which gives 0 at (max, inf); tf and jax give NaN there.",
    'logsumexp3': 'see logsumexp2. With all three terms at -max, torch returns grad 1.0 for each (exp(self - result) with result rounded to -max), tf and jax 1/3.',
    'logsumexp_neginf': 'see logsumexp2.',
    'atan2': "torch atan2_backward (torch/csrc/autograd/FunctionsManual.cpp) masks the 0/0 at the origin to 0; tf (math_grad.py _Atan2Grad: grad / (y^2 + x^2)), tfjs (gradients/Atan2_grad.js) and jax divide 0 by 0: NaN.",
    'atan2_origin': 'see atan2.',
    'norm_op': "torch linalg_vector_norm_backward masks norm == 0 to 0 (FunctionsManual.cpp); tf.norm, tfjs norm and jnp.linalg.norm differentiate sqrt(sum x^2): 0 * inf = NaN at 0, and at (1e-30, 0) in float32 the square underflows, sqrt'(0) = inf.",
    'hypot': "tf has no hypot op; tf.experimental.numpy.hypot is sqrt(x^2 + y^2) (numpy_ops/np_math_ops.py), so it overflows at max and its gradient is NaN at 0 and for large inputs; torch uses std::hypot with grad * self / result (derivatives.yaml hypot: 0/0 = NaN at the origin); jax hypot is a scaled computation with its own jvp (0.5 at the origin, NaN for an infinite partner).",
    'xlogy': "tf _XLogyGrad: d/dx is xlogy(x != 0, y), i.e. 0 where x == 0 even for y <= 0 or NaN, and the forward xlogy(0, NaN) = 0; torch masks only (x == 0) & (y <= 0) (derivatives.yaml xlogy.Tensor); jax (jax.scipy.special.xlogy custom jvp) has neither mask. For x = +-max torch and tf give d/dy = x / y = +-1 while jax gives 0.",
    'xlog1py': 'see xlogy (the same masks with log1p).',
    'logaddexp': "tf has no logaddexp op; tf.experimental.numpy.logaddexp is maximum(x, y) + log1p(exp(-abs(x - y))) (np_math_ops.py): at a tie maximum's gradient goes all to x and abs'(0) = 0 in tf, so d/dy = 0 (should be 0.5); jax's logaddexp has a custom jvp (1 at (inf, inf)).",
    'acosh': "tf _AcoshGrad is grad / sinh(acosh(x)) (math_grad.py), NaN for x < 1 where acosh is NaN and finite at 1e20; torch/jax/tfjs use 1 / sqrt(x^2 - 1), whose x^2 overflows (grad 0 at 1e20) and is finite for x < -1.",
    'asinh': 'tf asinh grad is grad / cosh(asinh(x)) (math_grad.py): no overflow at 1e20; the others compute x^2 + 1, which overflows to inf: 0.',
    'asin': 'jax (XLA) flushes the subnormal-range result of asin at the smallest normal to 0; the others keep it.',
    'sinh': 'At 89.41598 (float32), where the true value is just below max float: tf and tfjs return it, jax and torch\'s vectorised kernel overflow to inf (torch\'s scalar path returns it: see the scalar section); in float64 at 710.4759 only torch overflows.',
    'cosh': 'see sinh.',
    'div': 'd/dy of x / y at (+-inf, -max): tf and torch compute -grad * (x / y) / y = finite/… = +-inf; tfjs and jax compute -x / y^2 where y^2 = inf: inf / inf = NaN.',
    'elu': "tf EluGrad selects on features < 0, so NaN takes the positive branch (grad 1); tf and jax lose the tail (exp(x) - 1 rounds to -1 so its gradient is 0 at -20 in float32) where torch computes the derivative as exp(x) directly; tf (FTZ) flushes elu(-min_normal).",
    'selu': 'At x = 0 tf SeluGrad takes the positive branch (grad = scale = 1.0507) while torch (elu_backward, x <= 0), jax and tfjs take the negative one (scale * alpha = 1.7581); at NaN tf takes the positive branch too; tf and jax lose the float32 tail at -20 as for elu.',
    'expm1': "torch and jax's expm1 gradient is grad * (result + 1), which is 0 when expm1(x) rounds to -1; tf and tfjs compute grad * exp(x).",
    'gelu': "(Batched: torch's scalar path differs at max, inf and -10, see the scalar section.) torch computes x * 0.5 * (1 + erf(x / sqrt 2)): 1 + erf rounds to 0 below about -5.9 (float32), and at inf gives NaN, and at max overflows; tf (nn_ops.gelu) and jax (nn/functions.py gelu) use 0.5 * x * erfc(-x / sqrt 2), which keeps the tail.",
    'gelu_tanh': "At -5 (float32): tf and jax's tanh (Eigen/XLA fast tanh) rounds to exactly -1 so the result is -0.0 and the gradient 0; torch's tanh keeps 1 - tanh = 6e-8.",
    'tanh': 'tf and jax (float32) use a clamped rational approximation that returns exactly +-1 from |x| about 7.9 on, so the gradient 1 - y^2 is 0 at 9; torch and tfjs (JS Math.tanh in double) keep 1.19e-7. In float64 only jax keeps the tail at 19.1.',
    'sigmoid': 'The gradient is y * (1 - y), so it follows how the forward sigmoid rounds next to 1: at 17 (float32) tf, torch and jax return exactly 1 (gradient 0) while tfjs computes in double and rounds to 0.99999994; at 16.6 torch and jax land one float lower than tf and tfjs (gradient 1.19e-7 vs 5.96e-8); in float64 at 36.8 only tf keeps 1 - y > 0.',
    'softsign': 'tf SoftsignGrad is grad / (1 + |x|)^2: 0 at -inf, and (float64) 1e-40 at -1e20; torch and jax autodiff x / (1 + |x|): inf / inf = NaN at -inf.',
    'silu': 'float32 at -88.7: tf and jax (FTZ) flush the subnormal x * sigmoid(x) to -0.0; torch keeps it.',
    'mish': 'see silu.',
    'erf': "tfjs's cpu Erf kernel is the Abramowitz-Stegun 7.1.26 approximation (tfjs-backend-cpu/dist/kernels/Erf.js, ERF_P/ERF_A1..A5): absolute error about 1e-9, so erf(1e-20) = 1e-9 instead of 1.1e-20 and erf(min_normal) = -1e-9 with the wrong sign at -min_normal; tf float64 erf(+-max) and erf(+-inf) is NaN; the others give +-1.",
    'floor': "tf registers no gradient for Floor, Ceil and Round (math_grad.py returns None: written here as null); torch, jax and tfjs return 0.",
    'ceil': 'see floor.',
    'round': 'see floor.',
    'rsqrt': 'rsqrt at -0.0: tf and torch compute the gradient as -0.5 * y^3 with y = rsqrt(-0) = -inf: +inf; tfjs and jax as -0.5 / (x * sqrt x) = -inf. At -inf tfjs returns -0.0 (a JS power of -inf), the others NaN.',
    'log_of_sigmoid': 'See the cliff table: the float32 log(sigmoid(x)) turns -inf where sigmoid(x) becomes 0: tfjs keeps subnormal sigmoid values (-103.97), tf and jax flush them (-87.34), torch computes 1 / (1 + exp(-x)) and exp(-x) overflows first (-88.72).',
    'bce_builtin': "Keras binary_crossentropy clips p to [1e-7, 1 - 1e-7] (keras/src/backend/tensorflow/nn.py), so it is finite at p in {0, 1} and its gradient wrt p is 0 there; torch binary_cross_entropy clamps each log at -100 and its grad wrt p divides by max((1 - p) p, 1e-12) (-1e12 at p = 0, y = 1), its grad wrt y is log(1-p) - log(p) unclamped: +-inf; tfjs metrics.binaryCrossentropy clips like Keras. jax/optax has no probability-input BCE.",
    'bce_logits_builtin': '-',
    'leaky_relu': "At x = +-0 tf (LeakyReluGrad, x > 0), torch (leaky_relu_backward, self > 0) and tfjs use the slope, jax (where(x >= 0, x, slope * x), jax/_src/nn/functions.py) uses 1. tf stores alpha as a float32 attribute, so its float64 leaky_relu slope is 0.009999999776482582; jax's leaky_relu is where(x >= 0, x, slope * x), so x = -0.0 takes the identity branch (grad 1).",
}


def _load(name):
    path = os.path.join(OUT, name + '.jsonl')
    if not os.path.exists(path):
        return None
    with open(path) as f:
        lines = [json.loads(l) for l in f if l.strip()]
    header, points, cliffs = lines[0], {}, {}
    for r in lines[1:]:
        if r.get('kind') == 'cliff':
            cliffs[(r['case'], r['dtype'])] = r
        else:
            points[(r['case'], r['dtype'], tuple(r['args'].items()))] = r
    return header, points, cliffs


def _cls(s, dtype):
    if s is None:
        return 'none'
    v = float(s)
    if math.isnan(v):
        return 'nan'
    if math.isinf(v) or v == 0:
        return s
    tiny = 1.1754943508222875e-38 if dtype == 'float32' else 2.2250738585072014e-308
    return 'sub' if abs(v) < tiny else 'fin'


def _target(row, t):
    return row['value'] if t == 'value' else row['grad'][t[5:]]


def _same(a, b):
    if a is None or b is None:
        return a is b
    x, y = float(a), float(b)
    return (math.isnan(x) and math.isnan(y)) or x == y


def _ulps(a, b, dtype):
    return abs(ordered(float(a), dtype) - ordered(float(b), dtype))


def _show(v):
    return 'null' if v is None else v


def _args_text(args):
    return ', '.join('%s=%s' % kv for kv in args)


def differences(data):
    """Groups {(kind, case, target, pattern): [(dtype, args, values)]} and the largest ULP gap where classes agree.

    pattern is the per-framework class (nan, inf, -inf, 0.0, -0.0, sub, fin); 'fin!' marks finite values that
    differ by more than 0.1% or in sign. A float64 group (tfjs absent) joins the float32 group of the same case,
    target and pattern of the other three frameworks when there is one.
    """
    groups, ulp = collections.OrderedDict(), {}
    keys = sorted(set().union(*[set(d[1]) for d in data.values()]), key=lambda k: (k[0], k[1], str(k[2])))
    for key in keys:
        case, dtype, args = key
        present = [fw for fw in ALL if fw in data and key in data[fw][1]]
        if len(present) < 2:
            continue
        first = data[present[0]][1][key]
        for t in ['value'] + ['grad:' + v for v in first['grad']]:
            vals = {fw: _target(data[fw][1][key], t) for fw in present}
            classes = {fw: _cls(v, dtype) for fw, v in vals.items()}
            fins = [float(v) for fw, v in vals.items() if classes[fw] in ('fin', 'sub')]
            big = len(fins) > 1 and max(fins) != min(fins) and (
                math.copysign(1, max(fins)) != math.copysign(1, min(fins)) or
                abs(max(fins) - min(fins)) > 1e-3 * max(abs(max(fins)), abs(min(fins))))
            if len(set(classes.values())) == 1 and not big:
                if len(fins) > 1:
                    u = max(_ulps(a, b, dtype) for a in fins for b in fins)
                    k = (case, dtype, t)
                    if u > ulp.get(k, (0,))[0]:
                        ulp[k] = (u, args, vals)
                continue
            sub_arg = any(_cls(a, dtype) == 'sub' for _, a in args)
            if sub_arg or 'sub' in classes.values():
                kind = 'ftz'
            elif set(classes.values()) <= {'0.0', '-0.0'}:
                kind = 'zero-sign'
            else:
                kind = 'behaviour'
            pattern = tuple((classes.get(fw, '-') + ('!' if big and classes.get(fw) == 'fin' else '')) for fw in ALL)
            key32 = (kind, case, t, pattern)
            if dtype == 'float64':
                twins = [k for k in groups if k[:3] == key32[:3] and k[3][1:] == pattern[1:]]
                if len(twins) == 1:
                    key32 = twins[0]
            groups.setdefault(key32, []).append((dtype, args, vals))
    return groups, ulp


def path_differences(data, w):
    """The header checks: 0-d (scalar kernel) vs batched, and for jax jit vs eager."""
    for field, a_name, b_name, title, intro in [
            ('scalar_vs_batched', 'batched', 'scalar', 'Scalar (0-d) tensors vs batches: the same framework disagrees with itself',
             'Every row was re-evaluated with 0-d tensors. Where the kernel has a vectorised body and a scalar path '
             '(torch\'s Sleef-based SIMD loops, Eigen packet ops), the two can differ. The golden rows are the batched '
             'ones; this is what a scalar evaluation gives instead.'),
            ('jit_vs_eager', 'eager', 'jit', 'jax.jit vs eager jax',
             'Every jax case was re-run under jax.jit (XLA compiles the value and the VJP together and may fuse or '
             'simplify). The golden rows are eager; this is what jit gives instead.')]:
        found = [(fw, d) for fw in ALL if fw in data for d in data[fw][0].get(field, {}).get('differences', [])]
        checked = [fw for fw in ALL if fw in data and field in data[fw][0]]
        if not checked:
            continue
        w('## %s\n' % title)
        w(intro + ' Checked: %s; %d rows differ.\n' % (', '.join(checked), len(found)))
        cls_rows, ulp_rows = collections.OrderedDict(), collections.OrderedDict()
        for fw, d in found:
            dtype = d['dtype']
            for t in ['value'] + ['grad:' + v for v in d[a_name]['grad']]:
                a, b = _target(d[a_name], t), _target(d[b_name], t)
                if _same(a, b):
                    continue
                if _cls(a, dtype) != _cls(b, dtype):
                    k = (fw, d['case'], dtype, t, _cls(a, dtype), _cls(b, dtype))
                    cls_rows.setdefault(k, []).append((_args_text(d['args'].items()), _show(a), _show(b)))
                else:
                    k = (fw, d['case'], dtype, t)
                    u = _ulps(a, b, dtype)
                    n, m = ulp_rows.get(k, (0, 0))
                    ulp_rows[k] = (n + 1, max(m, u))
        if cls_rows:
            w('Differences in class (NaN / inf / zero / subnormal / finite / sign of zero), grouped; values of the '
              'first example:\n')
            w('| framework | case | dtype | target | points | example inputs | %s | %s |' % (a_name, b_name))
            w('|---|---|---|---|---|---|---|---|')
            for (fw, case, dtype, t, _, _), items in cls_rows.items():
                args, a, b = items[0]
                w('| %s | %s | %s | %s | %d | %s | %s | %s |' % (fw, case, dtype, t, len(items), args, a, b))
            w('')
        if ulp_rows:
            w('Finite values that differ (rounding only):\n')
            w('| framework | case | dtype | target | points | max ULP |')
            w('|---|---|---|---|---|---|')
            for (fw, case, dtype, t), (n, m) in ulp_rows.items():
                w('| %s | %s | %s | %s | %d | %d |' % (fw, case, dtype, t, n, m))
            w('')


def write_readme():
    data = {fw: d for fw in ALL if (d := _load(fw)) is not None}
    grid = load_grid()
    groups, ulp = differences(data)
    out = []
    w = out.append
    w('# Golden data from the real frameworks\n')
    w('GENERATED by `oracle/frameworks.py --readme` from the .jsonl files beside it: do not edit by hand.\n')
    w('Values and gradients of every op and composite in `oracle/grid.json`, measured on CPU in TensorFlow, PyTorch, '
      'JAX (`oracle/frameworks.py`) and TensorFlow.js (`oracle/tfjs.mjs`), so that the per-framework gradient-rule tables '
      'and forward switches of f-diagnose can be tested in Node without Python.\n')
    w('## Regenerate\n')
    w('```sh\npython3 -m venv /work/venv-oracle\n/work/venv-oracle/bin/pip install tensorflow-cpu torch jax jaxlib numpy optax\n'
      'npm run oracle:tf && npm run oracle:torch && npm run oracle:jax && npm run oracle:tfjs\n'
      '${ORACLE_PYTHON:-/work/venv-oracle/bin/python} oracle/frameworks.py --readme\n```\n')
    w('`ORACLE_PYTHON` picks another interpreter. None of this runs in `npm test`. Measured: 4 s (torch), 24 s (tf), '
      '264 s (jax: also re-runs every case under jit and every point as 0-d tensors) and 2 s (tfjs) on 2 shared cores.\n')
    w('`emitted-fixes.json` is separate: `npm run oracle:emitted` (oracle/emitted-fixes.py, about 1 minute) runs the fixes '
      '`f-diagnose fix --emit tf|torch|jax --framework <same>` proposes in the real frameworks and compares their values and '
      'gradients with mpmath; test/repair/emitted-in-frameworks.test.ts checks that every fix the tool calls proved kept '
      'its promise there.\n')
    w('## Versions and flags (measured)\n')
    w('| framework | version | other versions | dtypes | FTZ/DAZ float32 | FTZ/DAZ float64 | rows | cliffs | ops it lacks |')
    w('|---|---|---|---|---|---|---|---|---|')
    for fw in ALL:
        if fw not in data:
            continue
        h = data[fw][0]
        fl = h['flags']
        ftz = lambda d: '-' if d not in fl else ('yes' if fl[d]['ftz_daz'] else 'no') + (
            ' (inputs %s, results %s)' % ('kept' if fl[d]['subnormal_inputs_kept'] else 'flushed',
                                          'kept' if fl[d]['subnormal_results_kept'] else 'flushed'))
        lacks = ', '.join(sorted(k for k, v in h['skipped'].items() if v.startswith('no ')))
        other = ', '.join('%s %s' % kv for kv in h.get('versions', {}).items())
        w('| %s | %s | %s | %s | %s | %s | %d | %d | %s |' % (fw, h['version'], other or '-', ', '.join(h['dtypes']),
                                                            ftz('float32'), ftz('float64'), h['rows'], h['cliffs'],
                                                            lacks or '-'))
    w('\nFTZ/DAZ is measured by the `ftz_mul1` (a subnormal times 1) and `ftz_underflow` (a product that underflows) '
      'rows; the evidence is in each header\'s `flags`. Other skips, when any, are in each header\'s `skipped`.\n')
    w('## Row format\n')
    w('One JSON object per line. The first line is the header: `framework`, `version`, `versions`, `device`, `dtypes`, '
      '`flags` (FTZ/DAZ per dtype, with evidence), `evaluation` (how it was run), `api` (case -> the framework calls '
      'used), `skipped` (case -> why), `rows`, `cliffs`. Then one row per case, dtype and input point:\n')
    w('```json\n{"case": "where_sqrt", "expr": "where(x > 0, sqrt(x), x)", "dtype": "float32", "args": {"x": "-10.0"}, '
      '"value": "-10.0", "grad": {"x": "nan"}}\n```\n')
    w('Every number is a string: Python\'s `repr` of the double equal to the value (`"nan"`, `"inf"`, `"-inf"`, `"-0.0"`, '
      '`"1e-05"`; a float32 value as the repr of the same number as a double, e.g. `"0.10000000149011612"`). '
      '`Number()` reads all of them except `"inf"`/`"-inf"` (it reads `"nan"` only by accident): map those two first. '
      'A gradient is `null` when the framework returns none (tf for floor/ceil/round). `expr` uses f-diagnose\'s '
      'expression language, extended with the activation names used here (`relu`, `gelu`, `log_sigmoid`, `norm`, '
      '`binary_crossentropy`, ...); `header.api[case]` says which framework call each name became. `x ** 2` with an '
      'integer literal reaches the framework as a Python int (jax: `integer_pow`), `x ** 2.0` as a float.\n')
    w('Cliff rows (`"kind": "cliff"`) come last: `expr`, `dtype`, `target`, `is` (the class searched for), '
      '`last_true` (the float nearest `hi` where it holds) and `first_false` (its neighbour), found by bisection over '
      'every float of the dtype.\n')
    w('Each case is evaluated as a batch: every variable is a 1-D tensor of the case\'s points tiled %d times, so the '
      'vectorised kernels a training step uses are the ones measured; gradients are the vector-Jacobian product with '
      'an upstream of ones (= the gradient of each element with upstream 1). JAX runs eagerly (no `jit`), with '
      '`jax_enable_x64`.\n' % TILE)
    w('### Counts\n')
    w('| framework | float32 rows | float64 rows | cases |')
    w('|---|---|---|---|')
    for fw in ALL:
        if fw in data:
            pts = data[fw][1]
            w('| %s | %d | %d | %d |' % (fw, sum(1 for k in pts if k[1] == 'float32'),
                                         sum(1 for k in pts if k[1] == 'float64'), len({k[0] for k in pts})))
    w('\nInputs: unary ops on %d shared points plus each op\'s thresholds; binary ops on all %d pairs of %s; '
      '`logsumexp3` on all %d triples; composites on their own points (see `oracle/grid.json`).\n' % (
          len(grid['unary_inputs']), len(grid['pair_inputs']) ** 2, ', '.join(grid['pair_inputs']),
          len(grid['triple_inputs']) ** 3))

    w('## Highlights beyond the issue (as measured with the versions above)\n')
    for line in HIGHLIGHTS:
        w('- ' + line)
    w('')
    w('## What the issue reports, checked\n')
    w('| claim | dtype | ' + ' | '.join(ALL) + ' | as reported? |')
    w('|---|---|' + '---|' * len(ALL) + '---|')
    for claim, case, dtype, args, t, expected in CLAIMS:
        cells, ok = [], True
        for fw in ALL:
            if fw not in data:
                cells.append('-')
                continue
            key = next((k for k in data[fw][1] if k[0] == case and k[1] == dtype and
                        all(_same(dict(k[2])[n], rep(resolve(v, dtype, grid))) for n, v in args.items())), None)
            v = _target(data[fw][1][key], t) if key else None
            cells.append(_show(v) if key else '-')
            if fw in expected and key and not _same(v, expected[fw]):
                ok = False
        verdict = 'yes' if ok and expected else ('no: the issue says ' + ', '.join(
            '%s %s' % kv for kv in expected.items())) if expected else '(measured)'
        w('| %s | %s | %s | %s |' % (claim, dtype, ' | '.join(cells), verdict))
    label, case, expected = CLAIM_CLIFF
    cells = []
    for fw in ALL:
        c = data.get(fw, (None, {}, {}))[2].get((case, 'float32'))
        cells.append(c['last_true'] if c else '-')
    agree = all(fw not in data or abs(float(cells[i]) - float(expected[fw])) < 0.05
                for i, fw in enumerate(ALL) if cells[i] != '-')
    w('| %s (last float that is -inf) | float32 | %s | %s |' % (label, ' | '.join(cells), 'yes' if agree else
                                                                 'no: the issue says ' + ', '.join(
                                                                     '%s %s' % kv for kv in expected.items())))
    expected_ftz = {'tfjs': False, 'tf': True, 'torch': False, 'jax': True}
    for dtype in ('float32', 'float64'):
        cells, ok = [], True
        for fw in ALL:
            fl = data[fw][0]['flags'].get(dtype) if fw in data else None
            cells.append('-' if fl is None else ('flushes' if fl['ftz_daz'] else 'keeps'))
            ok = ok and (fl is None or fl['ftz_daz'] == expected_ftz[fw])
        w('| subnormals on CPU (batched x * 1 and an underflowing product) | %s | %s | %s |' % (
            dtype, ' | '.join(cells), 'yes' if ok else 'no: the issue says tf and jax flush, torch and tfjs keep'))
    w('\nBut see the scalar-vs-batched section: tf flushes in its vectorised (Eigen packet) kernels, while its scalar '
      'path (0-d tensors and the remainder of a loop that does not fill a packet) calls the C library, which reads a '
      'subnormal input of log correctly; and under jax.jit XLA folds x * 1 away, so that probe keeps the subnormal.\n')

    w('## Cliffs (bisection over every float)\n')
    w('| case | expr | target is | dtype | ' + ' | '.join(ALL) + ' |')
    w('|---|---|---|---|' + '---|' * len(ALL))
    for c in grid['cliffs']:
        for dtype in grid['dtypes']:
            cells = []
            for fw in ALL:
                r = data.get(fw, (None, {}, {}))[2].get((c['case'], dtype))
                cells.append('-' if r is None else (r['last_true'] or 'never'))
            w('| %s | `%s` | %s %s | %s | %s |' % (c['case'], c['expr'], c['target'], c['is'], dtype, ' | '.join(cells)))
    w('\n"never": the class is not reached between `lo` and `hi` (e.g. the framework\'s log_sigmoid stays finite).\n')

    def expr_of(case):
        return next((r['expr'] for d in data.values() for kk, r in d[1].items() if kk[0] == case), '')

    def table(kind, title, intro, limit_examples=3):
        rows = [(k, v) for k, v in groups.items() if k[0] == kind]
        w('## %s\n' % title)
        w(intro + ' %d groups, %d points.\n' % (len(rows), sum(len(v) for _, v in rows)))
        w('| case | expr | target | dtypes | inputs (examples; count) | ' + ' | '.join(ALL) + ' |')
        w('|---|---|---|---|---|' + '---|' * len(ALL))
        for (k, case, t, pattern), items in rows:
            dtype, args, vals = items[0]
            dts = '/'.join(sorted({d[0][5:] for d in items}))
            ex = '; '.join(_args_text(a) for _, a, _ in items[:limit_examples])
            cells = [_show(vals[fw]) if fw in vals else '-' for fw in ALL]
            w('| %s | `%s` | %s | %s | %s%s | %s |' % (case, expr_of(case).replace('|', '\\|'), t, dts, ex,
                                                    ' (%d)' % len(items) if len(items) > limit_examples else '',
                                                    ' | '.join(cells)))
        w('')

    def summary(kind, title, intro):
        per = collections.OrderedDict()
        for (k, case, t, pattern), items in groups.items():
            if k == kind:
                per.setdefault((case, t), []).extend(items)
        w('## %s\n' % title)
        w(intro + ' %d points in %d (case, target) pairs; one example each.\n' % (
            sum(len(v) for v in per.values()), len(per)))
        w('| case | target | dtypes | points | example | ' + ' | '.join(ALL) + ' |')
        w('|---|---|---|---|---|' + '---|' * len(ALL))
        for (case, t), items in per.items():
            dtype, args, vals = items[0]
            w('| %s | %s | %s | %d | %s %s | %s |' % (case, t, '/'.join(sorted({d[0][5:] for d in items})), len(items),
                                                     dtype, _args_text(args),
                                                     ' | '.join(_show(vals[fw]) if fw in vals else '-' for fw in ALL)))
        w('')

    table('behaviour', 'Behaviour differences (NaN / inf / zero / finite, or finite values that differ by more than 0.1%)',
          'Every input where the frameworks disagree in class, with no subnormal input or result (those are FTZ, next '
          'table). Grouped by case, target and the per-framework pattern; the value cells are those of the first '
          'example. A dash: the framework lacks the op or the dtype.')
    w('### Why (per case, from the sources of the versions measured)\n')
    cases_listed = sorted({k[1] for k in groups if k[0] == 'behaviour'})
    for case in cases_listed:
        if WHY.get(case, '-') != '-':
            w('- **%s**: %s' % (case, WHY[case]))
    w('\nPaths are inside the installed packages (site-packages/ for tf, torch, jax; '
      'node_modules/@tensorflow/tfjs-core/dist/ for tfjs), except the C++ files named, which the wheels do not ship.\n')
    summary('ftz', 'Differences from flushing subnormals (FTZ/DAZ in tf and jax)',
            'Inputs or results in the subnormal range: tf and jax flush them to zero on CPU, torch and tfjs keep them.')
    summary('zero-sign', 'Differences only in the sign of a zero', 'Harmless for NaN/inf, listed for completeness.')
    path_differences(data, w)
    w('## Largest finite disagreements where the classes agree (ULP)\n')
    w('| case | dtype | target | max ULP between frameworks | at | values |')
    w('|---|---|---|---|---|---|')
    for (case, dtype, t), (u, args, vals) in sorted(ulp.items(), key=lambda kv: -kv[1][0]):
        if u < 4:
            continue
        w('| %s | %s | %s | %d | %s | %s |' % (case, dtype, t, u, _args_text(args),
                                              ', '.join('%s %s' % kv for kv in vals.items())))
    w('\nOnly 4 ULP or more; the rest agree to 3 ULP or better.\n')
    with open(os.path.join(OUT, 'README.md'), 'w') as f:
        f.write('\n'.join(out) + '\n')
    print('README: %d behaviour groups -> %s' % (sum(1 for k in groups if k[0] == 'behaviour'),
                                                 os.path.join(OUT, 'README.md')))


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
        write_readme()
    if not a.framework and not a.readme:
        ap.error('give --framework or --readme')


if __name__ == '__main__':
    main()
