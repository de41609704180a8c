import { JAX_GRADS } from '../grads/jax.js';
import { xlog1pyTorch, xlogyTorch, atan2Xla32, geluErfc, geluTanhWith, leakyReluXla, mishWith, logSigmoidJax, siluFlushed, powC, powC32, sigmoidStepwise32, softplusJax, tanhClamped32, viaExp } from './kernels.js';
import type { Framework } from './types.js';
import { flushBelow, hypotJaxWith, logSumExp2, logSumExp3, sincWith, sqrtOfSquares2, sqrtOfSquares3 } from '../composite-kernels.js';

const id = (x: number) => x;
const ftz32 = flushBelow(2 ** -126);
const ftz64 = flushBelow(2 ** -1022);

/** JAX 0.10.2 on CPU, eager (XLA kernels with FTZ/DAZ; x ** <integer literal> is integer_pow). */
export const JAX: Framework = {
  id: 'jax',
  name: 'JAX',
  version: '0.10.2',
  grads: JAX_GRADS,
  forward: {
    flushSubnormals: { float32: true, float64: true },
    unflushed: {
      float32: ['neg', 'abs', 'expm1', 'sin', 'tan', 'tanh', 'atan', 'atan2', 'leakyRelu'],
      float64: ['neg', 'abs', 'expm1', 'sin', 'tan', 'atan', 'atan2', 'leakyRelu'],
    },
    // XLA's pow reads a subnormal exponent as it is (pow(0, 1e-45) = 0) but flushes a subnormal result
    flushResultOnly: { float32: ['pow'], float64: ['pow'] },
    kernels: {
      pow: { float32: powC32, float64: powC },
      softplus: { float32: softplusJax, float64: softplusJax },
      logSigmoid: { float32: logSigmoidJax, float64: logSigmoidJax },
      atan2: { float32: atan2Xla32 },
      tanh: { float32: tanhClamped32 },
      sigmoid: { float32: sigmoidStepwise32 },
      xlogy: { float32: xlogyTorch, float64: xlogyTorch },
      xlog1py: { float32: xlog1pyTorch, float64: xlog1pyTorch },
      gelu: { float32: geluErfc(Math.fround), float64: geluErfc((x) => x) },
      geluTanh: { float32: geluTanhWith(Math.fround, tanhClamped32, 'x-times-cdf'), float64: geluTanhWith((x) => x, Math.tanh, 'x-times-cdf') },
      mish: { float32: mishWith(Math.fround, softplusJax, tanhClamped32, 2 ** -126), float64: mishWith((x) => x, softplusJax, Math.tanh) },
      leakyRelu: { float32: leakyReluXla(2 ** -126), float64: leakyReluXla(2 ** -1022) },
      silu: { float32: siluFlushed(sigmoidStepwise32, 2 ** -126) },
      sinh: { float32: viaExp(Math.sinh, Math.fround) },
      cosh: { float32: viaExp(Math.cosh, Math.fround) },
      // composites of XLA kernels, each step flushed (jnp.hypot's scaled form, jnp.sinc, logsumexp, linalg.norm)
      hypot: { float32: hypotJaxWith(Math.fround, ftz32), float64: hypotJaxWith(id, ftz64) },
      sinc: { float32: sincWith(Math.fround, Math.fround(Math.PI), ftz32), float64: sincWith(id, Math.PI, ftz64) },
      logsumexp: { float32: logSumExp2(Math.fround, ftz32), float64: logSumExp2(id, ftz64) },
      logsumexp3: { float32: logSumExp3(Math.fround, ftz32), float64: logSumExp3(id, ftz64) },
      norm: { float32: sqrtOfSquares2(Math.fround, ftz32), float64: sqrtOfSquares2(id, ftz64) },
      norm3: { float32: sqrtOfSquares3(Math.fround, ftz32), float64: sqrtOfSquares3(id, ftz64) },
    },
  },
};
