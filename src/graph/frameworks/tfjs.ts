import { TFJS_GRADS } from '../grads/tfjs.js';
import { SELU_SCALE, SELU_SCALE_ALPHA } from '../ops.js';
import { eluTfjs, erfTfjs, geluTanhWith, geluTfjs, powJs, powJs32, signNanZero } from './kernels.js';
import type { Framework } from './types.js';
import { logSumExp2, logSumExp3, sqrtOfSquares2 } from '../composite-kernels.js';

/** TensorFlow.js 4.22, cpu backend: JS doubles stored into Float32Array, subnormals kept. */
export const TFJS: Framework = {
  id: 'tfjs',
  name: 'TensorFlow.js',
  version: '4.22.0',
  grads: TFJS_GRADS,
  forward: {
    flushSubnormals: { float32: false, float64: false },
    kernels: {
      pow: { float32: powJs32, float64: powJs },
      sign: { float32: signNanZero, float64: signNanZero },
      erf: { float32: erfTfjs, float64: erfTfjs },
      // TF.js lacks these: the formulas of backends/tfjs/evaluate.ts, with TF.js's erf
      erfc: { float32: (a) => 1 - erfTfjs(a), float64: (a) => 1 - erfTfjs(a) },
      gelu: { float32: geluTfjs(Math.fround), float64: geluTfjs((x) => x) },
      geluTanh: { float32: geluTanhWith(Math.fround, Math.tanh, 'half-x-first'), float64: geluTanhWith((x) => x, Math.tanh, 'half-x-first') },
      elu: { float32: eluTfjs(1, 1), float64: eluTfjs(1, 1) },
      selu: { float32: eluTfjs(SELU_SCALE_ALPHA, SELU_SCALE), float64: eluTfjs(SELU_SCALE_ALPHA, SELU_SCALE) },
      // hypot as backends/tfjs computes it (TF.js has none): sqrt(square(a) + square(b)), each op rounded
      hypot: { float32: sqrtOfSquares2(Math.fround), float64: sqrtOfSquares2() },
      // tf.logSumExp: the maximum subtracted as it is (inf - inf is NaN)
      logsumexp: { float32: logSumExp2(Math.fround, undefined, false), float64: logSumExp2(undefined, undefined, false) },
      logsumexp3: { float32: logSumExp3(Math.fround, undefined, false), float64: logSumExp3(undefined, undefined, false) },
    },
  },
};
