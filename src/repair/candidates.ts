import { evaluateFloat } from '../backends/float.js';
import { UserError } from '../base/user-error.js';
import type { FrameworkId } from '../graph/frameworks/index.js';
import type { ScanOptions } from '../core/types.js';
import type { Expr } from '../parse/ast.js';
import { samplePoints } from '../sample/points.js';
import { doubleWhere } from './double-where.js';
import { finiteGraphAt } from './finite-at.js';
import type { Graph } from '../graph/graph.js';
import { compileCached, type GraphCache } from '../core/diagnose.js';
import { printExpr } from '../parse/index.js';
import type { Candidate } from './prove.js';
import { catalogCandidates } from './rewrite.js';
import { joinAt, removableSeries, taylorFor, THRESHOLDS } from './series-join.js';
import { printShared } from './share.js';
import { opCount } from './tree.js';

/** How many catalog candidates go on to the proof (the fewest NaN/inf in a float-only pre-screen). */
const KEEP = 6;
/** How many of them become the closed form of a series join. */
const CLOSED_FORMS = 2;

const candidate = (expr: Expr, steps: string[], why: string[], changes?: string): Candidate => ({ expr: printShared(expr), steps, why, ops: opCount(expr), ...(changes ? { changes } : {}) });

/** Compiles a text once however often the candidate search asks (a branch recurs across candidates). */
type GraphOf = (text: string) => Graph;

function graphMemo(framework: FrameworkId, shared: GraphCache): GraphOf {
  const failed = new Map<string, UserError>();
  return (text) => {
    const known = failed.get(text);
    if (known) throw known;
    try {
      return compileCached(text, undefined, framework, shared);
    } catch (e) {
      if (e instanceof UserError) failed.set(text, e);
      throw e;
    }
  };
}

/** A candidate the language cannot take (nested too deep, too many nodes) is dropped, never an error for the user. */
function compiles(text: string, graphOf: GraphOf): boolean {
  try {
    graphOf(text);
    return true;
  } catch (e) {
    if (e instanceof UserError) return false;
    throw e;
  }
}

/** NaN and inf over the scan's samples, value and gradients, float32 and float64: no truth needed, so cheap. */
function nonFinite(c: Candidate, vars: readonly string[], options: ScanOptions, graphOf: GraphOf): number {
  const graph = graphOf(c.expr);
  let count = 0;
  for (const format of options.precisions) {
    const set = samplePoints([graph], [...vars], format, options.ranges, Math.min(options.samples, 1024), options.seed);
    const values = evaluateFloat(graph, format, set.columns);
    for (const id of [graph.output, ...Object.values(graph.grads)]) for (const v of values[id]!) if (!Number.isFinite(v)) count++;
  }
  return count;
}

/** The derived double-where version of a candidate, when it has a where to make safe. */
function withSafeWheres(c: { expr: Expr; steps: string[]; why: string[]; changes?: string }, vars: readonly string[], framework: FrameworkId, graphOf: GraphOf): Candidate[] {
  const safe = doubleWhere(c.expr, vars, framework, graphOf);
  return safe ? [candidate(safe, [...c.steps, 'double where'], [...c.why, 'each where\'s masked branch gets a safe input, so its gradient cannot be NaN (the where trap)'], c.changes)] : [];
}

/**
 * Every candidate for one expression (lets inlined): catalog rewrites, their double-where versions, and, at a
 * removable singularity at 0 of a one-variable form, the Taylor polynomial there joined with the best closed forms
 * at each threshold. Pre-screened (float only) so that the proof scans a handful.
 */
export function candidatesFor(e: Expr, vars: readonly string[], options: ScanOptions, graphs: GraphCache = new Map()): Candidate[] {
  const graphOf = graphMemo(options.framework, graphs);
  const fromCatalog = catalogCandidates(e).map((r) => ({
    expr: r.expr,
    steps: r.used.map((u) => u.name).filter((n, i, all) => all.indexOf(n) === i),
    why: r.used.map((u) => u.why).filter((n, i, all) => all.indexOf(n) === i),
    changes: r.used.find((u) => u.changes)?.changes,
  }));
  const base = [{ expr: e, steps: [] as string[], why: [] as string[], changes: undefined }, ...fromCatalog];
  // Each candidate with the tree it was made from before the double where (a series join wraps that tree).
  const made = [
    ...fromCatalog.map((c) => ({ c: candidate(c.expr, c.steps, c.why, c.changes), from: c })),
    ...base.flatMap((c) => withSafeWheres(c, vars, options.framework, graphOf).map((safe) => ({ c: safe, from: c }))),
  ];
  const unique = made.filter((m, i) => made.findIndex((o) => o.c.expr === m.c.expr) === i).filter((m) => compiles(m.c.expr, graphOf));
  const screened = unique.map((m) => ({ ...m, bad: nonFinite(m.c, vars, options, graphOf) })).sort((a, b) => a.bad - b.bad || a.c.ops - b.c.ops);
  const kept = screened.slice(0, KEEP);
  const closed = [base[0]!, ...kept.map((k) => k.from)].filter((f, i, all) => all.indexOf(f) === i).slice(0, CLOSED_FORMS + 1);
  return [...kept.map((k) => k.c), ...seriesJoins(e, vars, closed, options.framework, graphOf).filter((c) => compiles(c.expr, graphOf))];
}

interface Made {
  expr: Expr;
  steps: string[];
  why: string[];
}

function seriesJoins(e: Expr, vars: readonly string[], closedForms: Made[], framework: FrameworkId, graphOf: GraphOf): Candidate[] {
  if (vars.length !== 1) return [];
  const v = vars[0]!;
  if (finiteGraphAt(graphOf(printExpr(e)), { [v]: 0 })) return [];
  const series = removableSeries(e, v);
  if (!series) return [];
  const out: Candidate[] = [];
  for (const closed of closedForms) {
    for (const t of THRESHOLDS) {
      const p = taylorFor(series, t);
      if (!p) continue;
      const steps = [`Taylor series at ${v} = 0 (degree ${p.coefficients.length - 1}) for |${v}| < ${t}`, ...closed.steps];
      const why = [`${v} = 0 is a removable singularity (the exact series there has no negative power); the polynomial's truncation is below 2^-55 of its leading term up to |${v}| = ${t}`];
      out.push(...withSafeWheres({ expr: joinAt(p, closed.expr, v), steps, why: [...why, ...closed.why] }, vars, framework, graphOf));
    }
  }
  return out;
}
