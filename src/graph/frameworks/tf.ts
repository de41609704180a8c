import { TF_GRADS } from '../grads/tf.js';
import { erfEigen64, powC, sigmoidEigen, tanhClamped32 } from './kernels.js';
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
      float32: ['neg', 'abs', 'expm1', 'tan', 'sinh'],
      float64: ['neg', 'abs', 'expm1', 'sin', 'tan', 'sinh', 'asin'],
    },
    kernels: {
      pow: { float32: powC, float64: powC },
      tanh: { float32: tanhClamped32 },
      erf: { float64: erfEigen64 },
      sigmoid: { float32: sigmoidEigen(Math.fround), float64: sigmoidEigen((x) => x) },
    },
  },
};
