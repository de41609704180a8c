import { defineDetector, describe, noInputNaN } from '../detector.js';

export default defineDetector({
  meta: {
    id: 'where-trap', title: 'where trap', severity: 'error',
    description:
      'where(c, a, b) evaluates both branches; its gradient multiplies the unselected branch\'s gradient by 0, and that branch\'s own rule turns 0 * inf or 0 / 0 into NaN, which is summed into the gradient',
    fix: 'make the unselected branch safe at the points where it is not used: feed it a safe input (the "double where": where(c, safe_x, x) inside, where(c, a, b) outside)',
  },
  on: 'nan',
  applies: (node) => node.pass === 'backward',
  // The masked 0 meets an infinity (0 * inf) or a NaN of the discarded branch itself (sqrt of a negative, carried
  // by its local gradient factor); a NaN that arrives with dy was born upstream and is not this op's doing.
  check: (ctx, i) =>
    ctx.node.inputs.some((id) => ctx.maskedZero(id)[i] === 1)
    && ctx.node.inputs.every((id, k) => !Number.isNaN(ctx.inputs[k]![i]!) || !ctx.carriesDy(id)),
  detail: (ctx, i) => `${describe(ctx, i)} in the masked branch${noInputNaN(ctx, i) ? '' : ' (a NaN the discarded branch computed)'}`,
});
