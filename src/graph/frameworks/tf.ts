import { TF_GRADS } from '../grads/tf.js';
import { eluEigen, erfEigen64, geluErfc, geluTanhWith, leakyReluTf64, mishWith, powC, powC32, siluFlushed, sigmoidEigen, tanhClamped32 } from './kernels.js';
import { OPS, SELU_SCALE, SELU_SCALE_ALPHA } from '../ops.js';
import { flushBelow, logSumExp2, logSumExp3, sincWith, sqrtOfSquares2, sqrtOfSquares3 } from '../composite-kernels.js';

const ftz32 = flushBelow(2 ** -126);
const ftz64 = flushBelow(2 ** -1022);

const id = (x: number) => x;
import type { Framework } from './types.js';

/** TensorFlow 2.21 on CPU (the story's framework, and Keras's default backend). */
export const TF: Framework = {
  id: 'tf',
  name: 'TensorFlow',
  version: '2.21.0',
  grads: TF_GRADS,
  forward: {
    // Eigen's vectorised kernels run with FTZ/DAZ on (fixtures/frameworks/README.md: ftz_mul1, ftz_underflow rows)
    flushSubnormals: { float32: true, float64: true },
    unflushed: {
      float32: ['neg', 'abs', 'expm1', 'tan', 'sinh', 'elu', 'asinh'],
      float64: ['neg', 'abs', 'expm1', 'sin', 'tan', 'sinh', 'asin', 'elu', 'asinh'],
    },
    kernels: {
      pow: { float32: powC32, float64: powC },
      tanh: { float32: tanhClamped32 },
      erf: { float64: erfEigen64 },
      leakyRelu: { float64: leakyReluTf64 },
      // tf.nn.gelu's constants are float32 tensors cast to the input's dtype: sqrt(0.5) and 0.044715 rounded to
      // float32 even in float64 (the float64 goldens match these exactly, not the double constants)
      gelu: { float32: geluErfc(Math.fround), float64: geluErfc(id, Math.fround(Math.SQRT1_2)) },
      geluTanh: {
        float32: geluTanhWith(Math.fround, tanhClamped32, 'half-x-first'),
        float64: geluTanhWith(id, Math.tanh, 'half-x-first', Math.fround(0.044715)),
      },
      mish: {
        float32: mishWith(Math.fround, (a) => OPS.softplus.f32!(a, 0, 0), tanhClamped32, 2 ** -126),
        float64: mishWith(id, (a) => OPS.softplus.f64(a, 0, 0), Math.tanh),
      },
      elu: { float32: eluEigen(Math.fround, 2 ** -126, 1, 1), float64: eluEigen((x) => x, 2 ** -1022, 1, 1) },
      selu: {
        float32: eluEigen(Math.fround, 2 ** -126, SELU_SCALE_ALPHA, SELU_SCALE),
        float64: eluEigen((x) => x, 2 ** -1022, SELU_SCALE_ALPHA, SELU_SCALE),
      },
      silu: { float32: siluFlushed(sigmoidEigen(Math.fround), 2 ** -126), float64: siluFlushed(sigmoidEigen((x) => x), 2 ** -1022) },
      sigmoid: { float32: sigmoidEigen(Math.fround), float64: sigmoidEigen((x) => x) },
      // composites of Eigen kernels, each step flushed: sqrt(square(a) + square(b)) (np hypot, tf.norm), x * pi
      hypot: { float32: sqrtOfSquares2(Math.fround, ftz32), float64: sqrtOfSquares2(id, ftz64) },
      norm: { float32: sqrtOfSquares2(Math.fround, ftz32), float64: sqrtOfSquares2(id, ftz64) },
      norm3: { float32: sqrtOfSquares3(Math.fround, ftz32), float64: sqrtOfSquares3(id, ftz64) },
      sinc: { float32: sincWith(Math.fround, Math.fround(Math.PI), ftz32), float64: sincWith(id, Math.PI, ftz64) },
      logsumexp: { float32: logSumExp2(Math.fround, ftz32), float64: logSumExp2(id, ftz64) },
      logsumexp3: { float32: logSumExp3(Math.fround, ftz32), float64: logSumExp3(id, ftz64) },
    },
  },
};
