#!/usr/bin/env python3
"""Golden values and gradients of the frameworks' built-in losses, measured in the real frameworks on CPU, for the
Python front end's lowering of them (src/parse/python/losses.ts; test/parse/python/builtin-losses-golden.test.ts).

  /work/venv-oracle/bin/python oracle/builtin_losses.py   -> fixtures/frameworks/builtin-losses.jsonl

Each case is a Python call of two tensors a and b, written exactly as the test compiles it (`def f(a, b): return
<call>`), evaluated for a grid of points as one batch (each point tiled 64 times, as oracle/frameworks.py does) in
float32 and float64, with the vector-Jacobian product against an upstream of ones for d/da and d/db (None: null).
Reductions are asked for elementwise (reduction='none'); a Keras loss over a last axis of size 1 is elementwise.
"""
import json
import math
import os
import platform

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), 'fixtures', 'frameworks', 'builtin-losses.jsonl')
TILE = 64

PROB = ['0.0', '1e-08', '0.3', '0.5', '0.9999999', '1.0']
LABEL = ['0.0', '0.25', '1.0']
REAL = ['-1000.0', '-100.0', '-2.0', '-0.5', '0.0', '0.5', '2.0', '100.0', '1000.0']
SMALL = ['-2.0', '0.0', '0.5', '2.0']

# framework, call (a and b are the tensors; for Keras a trailing axis of 1 is added, so the mean is over one element),
# the points of a and of b
CASES = [
    ('tf', 'keras.losses.binary_crossentropy(b, a)', PROB, LABEL),
    ('tf', 'keras.losses.binary_crossentropy(b, a, from_logits=True)', REAL, LABEL),
    ('tf', 'keras.losses.huber(b, a, delta=1.5)', REAL, SMALL),
    ('tf', 'keras.losses.log_cosh(b, a)', REAL, SMALL),
    ('tf', 'keras.losses.poisson(b, a)', ['0.0', '1e-08', '0.5', '3.0', '1000.0'], ['0.0', '1.0', '2.5']),
    ('tf', 'keras.losses.kl_divergence(b, a)', PROB, PROB),
    ('tf', 'tf.nn.sigmoid_cross_entropy_with_logits(labels=b, logits=a)', REAL, LABEL),
    ('torch', "F.huber_loss(a, b, reduction='none', delta=1.5)", REAL, SMALL),
    ('torch', "F.smooth_l1_loss(a, b, reduction='none', beta=0.5)", REAL, SMALL),
    ('torch', "F.poisson_nll_loss(a, b, reduction='none')", REAL, ['0.0', '1.0', '2.5']),
    ('torch', "F.poisson_nll_loss(a, b, log_input=False, reduction='none')", ['0.0', '1e-08', '0.5', '3.0', '1000.0'], ['0.0', '1.0', '2.5']),
    ('torch', "F.kl_div(a, b, reduction='none')", ['-100.0', '-2.0', '-0.5', '0.0'], PROB),
    ('torch', "F.kl_div(a, b, reduction='none', log_target=True)", ['-100.0', '-2.0', '-0.5', '0.0'], ['-100.0', '-2.0', '0.0']),
    ('torch', "F.mse_loss(a, b, reduction='none')", REAL, SMALL),
    ('torch', "F.l1_loss(a, b, reduction='none')", REAL, SMALL),
    ('torch', "F.binary_cross_entropy(a, b, reduction='none')", PROB, LABEL),
    ('torch', "F.binary_cross_entropy_with_logits(a, b, reduction='none')", REAL, LABEL),
    ('jax', 'optax.huber_loss(a, b, delta=1.5)', REAL, SMALL),
    ('jax', 'optax.sigmoid_binary_cross_entropy(a, b)', REAL, LABEL),
]


def rep(v):
    v = float(v)
    return 'nan' if math.isnan(v) else repr(v)


def points(pa, pb):
    return [(x, y) for x in pa for y in pb]


def run_tf(call, xs, ys, dtype):
    import tensorflow as tf
    import keras
    a = tf.constant(np.tile(np.array(xs, dtype=dtype), TILE))
    b = tf.constant(np.tile(np.array(ys, dtype=dtype), TILE))
    keras_call = call.startswith('keras.')
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(a)
        tape.watch(b)
        env = {'tf': tf, 'keras': keras, 'a': a[:, None] if keras_call else a, 'b': b[:, None] if keras_call else b}
        y = eval(call, env)
    ga, gb = tape.gradient(y, a), tape.gradient(y, b)
    return y.numpy(), None if ga is None else ga.numpy(), None if gb is None else gb.numpy()


def run_torch(call, xs, ys, dtype):
    import torch
    import torch.nn.functional as F
    t = {'float32': torch.float32, 'float64': torch.float64}[dtype]
    a = torch.tensor(np.tile(np.array(xs, dtype=dtype), TILE), dtype=t, requires_grad=True)
    b = torch.tensor(np.tile(np.array(ys, dtype=dtype), TILE), dtype=t, requires_grad=True)
    y = eval(call, {'torch': torch, 'F': F, 'a': a, 'b': b})
    ga, gb = torch.autograd.grad(y, (a, b), torch.ones_like(y), allow_unused=True)
    return y.detach().numpy(), None if ga is None else ga.numpy(), None if gb is None else gb.numpy()


def run_jax(call, xs, ys, dtype):
    import jax
    jax.config.update('jax_enable_x64', True)
    import jax.numpy as jnp
    import optax
    a = jnp.asarray(np.tile(np.array(xs, dtype=dtype), TILE))
    b = jnp.asarray(np.tile(np.array(ys, dtype=dtype), TILE))
    y, vjp = jax.vjp(lambda u, v: eval(call, {'optax': optax, 'jnp': jnp, 'a': u, 'b': v}), a, b)
    ga, gb = vjp(jnp.ones_like(y))
    return np.asarray(y), np.asarray(ga), np.asarray(gb)


RUN = {'tf': run_tf, 'torch': run_torch, 'jax': run_jax}


def main():
    rows = []
    versions = {}
    for framework, call, pa, pb in CASES:
        pts = points(pa, pb)
        for dtype in ('float32', 'float64'):
            xs = [float(np.dtype(dtype).type(float(p[0]))) for p in pts]
            ys = [float(np.dtype(dtype).type(float(p[1]))) for p in pts]
            with np.errstate(all='ignore'):
                y, ga, gb = RUN[framework](call, xs, ys, dtype)
            y = np.asarray(y).reshape(-1)
            for i, (x, v) in enumerate(zip(xs, ys)):
                rows.append({
                    'framework': framework, 'call': call, 'dtype': dtype, 'args': {'a': rep(x), 'b': rep(v)},
                    'value': rep(y[i]), 'grad': {'a': None if ga is None else rep(ga[i]), 'b': None if gb is None else rep(gb[i])},
                })
    import tensorflow as tf
    import torch
    import jax
    import optax
    import keras
    versions = {'tensorflow': tf.__version__, 'keras': keras.__version__, 'torch': torch.__version__, 'jax': jax.__version__, 'optax': optax.__version__}
    header = {'header': True, 'generator': 'oracle/builtin_losses.py', 'versions': versions, 'machine': platform.machine(), 'rows': len(rows),
              'evaluation': f'batched: each point tiled {TILE} times; gradient = VJP with upstream ones'}
    with open(OUT, 'w') as out:
        for r in [header] + rows:
            out.write(json.dumps(r) + '\n')
    print(f'{len(rows)} rows -> {OUT}')


if __name__ == '__main__':
    main()
