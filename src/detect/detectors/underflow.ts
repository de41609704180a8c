import { defineDetector } from '../detector.js';

export default defineDetector({
  meta: {
    id: 'underflow', title: 'underflow', severity: 'warning',
    description: 'a nonzero exact result flushed to 0 or to a subnormal (losing precision)',
    fix: 'work in log space or rescale, if the lost magnitude matters downstream',
  },
  on: 'finite',
  applies: (_node, info) => info.underflows === true,
  check: (ctx, i) => {
    const y = ctx.out[i]!;
    if (Math.abs(y) >= ctx.limits.minNormal) return false;
    for (const a of ctx.inputs) if (!Number.isFinite(a[i]!) || a[i] === 0) return false;
    return !(ctx.node.op === 'pow' && ctx.inputs[0]![i] === 1);
  },
});
