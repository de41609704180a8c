import type { Expr } from '../parse/ast.js';
import { finiteGraphAt } from './finite-at.js';
import { compile } from '../graph/compile.js';
import type { Graph } from '../graph/graph.js';
import { printExpr } from '../parse/index.js';
import type { FrameworkId } from '../graph/frameworks/index.js';
import { VOCABULARY } from '../vocab/ops.js';
import type { Expr as E } from '../parse/ast.js';
import { children, mapTree, name, num, substitute } from './tree.js';

/** Points tried, in order, as the input a masked branch gets instead of the real one. */
const SAFE_POINTS = ['0', '1', '-1', '2', '-2', '0.5', '-0.5', '10', '-10'];

const call = (op: 'where', args: Expr[]): Expr => ({ kind: 'call', callee: op, op, args, calleeSpan: args[0]!.span, span: args[0]!.span });

/**
 * Derived rewrite: every where(c, a, b) made safe for the gradient. The masked branch still runs in the backward
 * pass, and its NaN or inf times the mask's 0 is NaN (the where trap); so each variable v in a is replaced by
 * where(c, v, sa), in b by where(c, sb, v), with sa (sb) a point where that branch's value and gradients are finite
 * in both precisions. The selected branch sees the real input, so the value is unchanged. Undefined when a branch
 * has no such point among those tried, or when there is no where.
 */
export function doubleWhere(
  e: Expr, vars: readonly string[], framework?: FrameworkId,
  /** Compiles a branch's text (a caller making many candidates passes one that remembers). */
  graphOf: (text: string) => Graph = (text) => compile(text, undefined, { framework }),
): Expr | undefined {
  let changed = false;
  let failed = false;
  const out = mapTree(e, (x) => {
    if (x.kind !== 'call' || x.op !== 'where') return x;
    const [c, a, b] = x.args as [Expr, Expr, Expr];
    if (isSanitiser(a, b)) return x;
    const guard = (branch: Expr, selected: boolean): Expr => {
      const carried = gradientNames(branch);
      const used = vars.filter((v) => carried.has(v));
      if (!used.length) return branch;
      const graph = graphOf(printExpr(branch)); // once per branch, not once per point tried
      const safe = SAFE_POINTS.find((s) => finiteGraphAt(graph, Object.fromEntries(used.map((v) => [v, Number(s)]))));
      if (safe === undefined) {
        failed = true;
        return branch;
      }
      changed = true;
      return substitute(branch, new Map(used.map((v) => [v, call('where', selected ? [c, name(v), num(safe)] : [c, num(safe), name(v)])])));
    };
    return { ...x, args: [c, guard(a, true), guard(b, false)] };
  });
  return changed && !failed ? out : undefined;
}

/** where(c, v, safe) or where(c, safe, v): already an input guard, nothing to make safe. */
const isSanitiser = (a: Expr, b: Expr) => (a.kind === 'name' && isNumber(b)) || (b.kind === 'name' && isNumber(a));
const isNumber = (e: Expr): boolean => e.kind === 'number' || (e.kind === 'unary' && e.arg.kind === 'number');

const CONDITIONS = new Set(['<', '<=', '>', '>=', '==', '!=', '&', '|', '~']);

/** The names a gradient can flow back to: not through a comparison, a logic op or a where's condition. */
function gradientNames(e: E, into = new Set<string>()): Set<string> {
  if (e.kind === 'name') into.add(e.name);
  if ((e.kind === 'binary' || e.kind === 'unary') && CONDITIONS.has(e.op)) return into;
  if (e.kind === 'call' && e.op !== null && VOCABULARY[e.op].boolean) return into;
  const kids = e.kind === 'call' && e.op === 'where' ? e.args.slice(1) : children(e);
  for (const k of kids) gradientNames(k, into);
  return into;
}
