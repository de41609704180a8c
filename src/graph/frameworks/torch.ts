import { TORCH_GRADS } from '../grads/torch.js';
import { xlog1pyTorch, xlogyTorch, geluTanhWith, geluTorch, log1pTorch, logSigmoidTorch, mishWith, siluTorch, powC, powC32, sigmoidStepwise32, signNanZero, softplusTorch, viaExp } from './kernels.js';
import type { Framework } from './types.js';

const id = (x: number) => x;

/** PyTorch 2.13 on CPU: subnormals kept, sign(NaN) = 0, softplus threshold 20, sigmoid as 1 / (1 + exp(-x)). */
export const TORCH: Framework = {
  id: 'torch',
  name: 'PyTorch',
  version: '2.13.0',
  grads: TORCH_GRADS,
  forward: {
    flushSubnormals: { float32: false, float64: false },
    kernels: {
      pow: { float32: powC32, float64: powC },
      sign: { float32: signNanZero, float64: signNanZero },
      softplus: { float32: softplusTorch(Math.fround, 2 ** -149), float64: softplusTorch(id, 2 ** -1074) },
      logSigmoid: { float32: logSigmoidTorch(Math.fround), float64: logSigmoidTorch(id) },
      log1p: { float32: log1pTorch(2 ** -149), float64: log1pTorch(2 ** -1074) },
      sigmoid: { float32: sigmoidStepwise32 },
      xlogy: { float32: xlogyTorch, float64: xlogyTorch },
      xlog1py: { float32: xlog1pyTorch, float64: xlog1pyTorch },
      // native log2 / log10 kernels, one rounding
      log2: { float32: Math.log2, float64: Math.log2 },
      log10: { float32: Math.log10, float64: Math.log10 },
      gelu: { float32: geluTorch(Math.fround, true), float64: geluTorch(id, false) },
      geluTanh: { float32: geluTanhWith(Math.fround, Math.tanh, 'half-x-first'), float64: geluTanhWith(id, Math.tanh, 'half-x-first') },
      // mish: x * tanh(log1p(exp(x)))
      mish: {
        float32: mishWith(Math.fround, (a) => Math.log1p(Math.fround(Math.exp(a))), Math.tanh),
        float64: mishWith(id, (a) => Math.log1p(Math.exp(a)), Math.tanh),
      },
      silu: { float32: siluTorch(Math.fround), float64: siluTorch((x) => x) },
      // the vectorised (Sleef) kernels: sinh/cosh overflow with exp(|x|)
      sinh: { float32: viaExp(Math.sinh, Math.fround), float64: viaExp(Math.sinh, id) },
      cosh: { float32: viaExp(Math.cosh, Math.fround), float64: viaExp(Math.cosh, id) },
    },
  },
};
