import { TF_GRADS } from '../grads/tf.js';
import { eluEigen, erfEigen64, leakyReluTf64, powC, siluFlushed, sigmoidEigen, tanhClamped32 } from './kernels.js';
import { SELU_SCALE, SELU_SCALE_ALPHA } from '../ops.js';
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
      float32: ['neg', 'abs', 'expm1', 'tan', 'sinh', 'elu'],
      float64: ['neg', 'abs', 'expm1', 'sin', 'tan', 'sinh', 'asin', 'elu'],
    },
    kernels: {
      pow: { float32: powC, float64: powC },
      tanh: { float32: tanhClamped32 },
      erf: { float64: erfEigen64 },
      leakyRelu: { float64: leakyReluTf64 },
      elu: { float32: eluEigen(Math.fround, 2 ** -126, 1, 1), float64: eluEigen((x) => x, 2 ** -1022, 1, 1) },
      selu: {
        float32: eluEigen(Math.fround, 2 ** -126, SELU_SCALE_ALPHA, SELU_SCALE),
        float64: eluEigen((x) => x, 2 ** -1022, SELU_SCALE_ALPHA, SELU_SCALE),
      },
      silu: { float32: siluFlushed(sigmoidEigen(Math.fround), 2 ** -126), float64: siluFlushed(sigmoidEigen((x) => x), 2 ** -1022) },
      sigmoid: { float32: sigmoidEigen(Math.fround), float64: sigmoidEigen((x) => x) },
    },
  },
};
