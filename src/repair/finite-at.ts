import { evaluateFloat } from '../backends/float.js';
import { FORMATS } from '../base/float-format.js';
import { compile } from '../graph/compile.js';
import type { FrameworkId } from '../graph/frameworks/index.js';
import type { Graph } from '../graph/graph.js';
import type { Expr } from '../parse/ast.js';
import { printExpr } from '../parse/index.js';

/** Value and every gradient of the expression finite at the point, in float32 and float64, by the framework's rules. */
export function finiteAt(e: Expr, point: Record<string, number>, framework?: FrameworkId): boolean {
  const graph = compile(printExpr(e), undefined, { framework });
  return finiteGraphAt(graph, point);
}

export function finiteGraphAt(graph: Graph, point: Record<string, number>): boolean {
  return FORMATS.every((format) => {
    const values = evaluateFloat(graph, format, Object.fromEntries(graph.vars.map((v) => [v, [point[v] ?? 0]])));
    return [graph.output, ...Object.values(graph.grads)].every((id) => Number.isFinite(values[id]![0]!));
  });
}
