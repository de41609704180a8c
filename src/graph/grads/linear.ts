import type { GradRule } from './table.js';

/** No gradient for any input (leaves, conditions, internal ops whose rule is elsewhere). */
export const none: GradRule = (g) => g.x.map(() => null);

/**
 * The rules every framework writes the same way: leaves have none, and add, sub and neg are linear (TF's
 * _AddGrad/_SubGrad/_NegGrad, PyTorch's derivatives.yaml, JAX's add_p/sub_p/neg_p transposes, TF.js's
 * Add_grad/Sub_grad/Neg_grad).
 */
export const LINEAR = {
  const: none,
  var: none,
  add: ((g) => [() => g.dy, () => g.dy]) as GradRule,
  sub: ((g) => [() => g.dy, () => g.neg(g.dy)]) as GradRule,
  neg: ((g) => [() => g.neg(g.dy)]) as GradRule,
};
