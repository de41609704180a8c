import { UserError } from '../base/user-error.js';
import type { Graph } from '../graph/graph.js';

/**
 * A reference stands for the same function as the form, so it may use only the form's variables (fewer is fine: a
 * variable it does not use has a zero partial). One it has and the form lacks is bad input, pointed at in the reference.
 */
export function checkReference(form: Graph, reference: Graph): void {
  const extra = reference.vars.filter((v) => !form.vars.includes(v));
  if (extra.length === 0) return;
  const node = reference.nodes.find((n) => n.op === 'var' && n.name === extra[0])!;
  const its = form.vars.length ? `its variables: ${form.vars.join(', ')}` : 'it has none';
  throw new UserError(`the reference uses ${extra.join(', ')}, which the expression does not (${its})`, node.span, 'a reference is the same function written another way')
    .withSource(reference.source, reference.file ?? 'reference');
}
