import type { Expr } from '../parse/ast.js';
import { printExpr } from '../parse/index.js';
import { compile } from '../graph/compile.js';
import { groundTruth } from '../backends/truth/index.js';
import { names } from './tree.js';

/**
 * A call on constants only (log(2) in a fix), as the float64 nearest its exact value, or undefined. Emitted code
 * writes it as a literal: tf.math.log(2) and torch.log(2) refuse an integer, a float literal would make TF
 * compute it in float32 beside a float64 input (a dtype error), and a Python float adapts to the tensor's dtype.
 */
export function foldedConstant(e: Expr): number | undefined {
  if (e.kind !== 'call' || e.op === null || names(e).size) return undefined;
  const truth = groundTruth(compile(printExpr(e)), {}, 'float64').value;
  return truth.kind === 'finite' && Number.isFinite(truth.value) ? truth.value : undefined;
}
