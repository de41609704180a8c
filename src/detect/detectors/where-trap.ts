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
  check: (ctx, i) => noInputNaN(ctx, i) && ctx.node.inputs.some((id) => ctx.maskedZero(id)[i] === 1),
  detail: (ctx, i) => `${describe(ctx, i)} in the masked branch`,
});
