import type { FloatFormat } from '../../base/float-format.js';
import type { Truth } from '../truth.js';
import type { Arith } from './arith.js';
import { certifyAll } from './certify.js';
import { Limits } from './limit.js';
import type { PGraph } from './pgraph.js';
import type * as Q from './rational.js';
import type { Fail } from './value.js';

/** What the value turned out to be, for a partial derivative's limit. */
export interface ValueInfo {
  truth: Truth;
  /** The value is exactly this rational at the point (null: not exact, or only a limit). */
  exact: Q.Q | null;
  node: number;
}

export interface Context {
  g: PGraph;
  vars: ReadonlyMap<string, Q.Q>;
  varNames: readonly string[];
  format: FloatFormat;
  capBits: number;
  arithmetics: readonly Arith<unknown>[];
}

/**
 * The truth of a quantity that met a singular point: the limit from one-sided series of the whole
 * quantity, or else of the smallest subexpression around the singular point that has a two-sided
 * finite limit, replaced by that limit in an ordinary evaluation (f(x) + f(x + 50) at 0: only f(x)
 * needs a series).
 */
export function singularTruth(ctx: Context, target: number, why: Fail, value: ValueInfo | null): Truth {
  const found = movingVariable(ctx.g, target, ctx.varNames);
  const moving = Array.isArray(found) ? singularInOne(ctx, target, why) ?? found : found;
  if (Array.isArray(moving)) return severalVariables(ctx, target, why, value, moving);
  if (typeof moving !== 'string') return moving;
  const limits = new Limits(ctx.g, ctx.vars, new Map([[moving, 1]]), ctx.format);
  const direct = value === null ? limits.value(target, why.reason) : derivative(limits, target, why, value, continuousByStructure(ctx.g, value.node));
  if (direct.kind !== 'unknown' || why.at === undefined) return direct;
  const replaced = bySubstitution(ctx, target, why.at, value);
  return replaced ?? direct;
}

/**
 * The one variable a singular point of several variables is singular in, when the others enter analytically: the
 * subexpression where it shows (log(x) in log(x) + y) depends on that variable alone, and every op between it and the
 * quantity passes a limit on uniformly in the others: + and - of terms that do not involve it, * and / by terms that
 * do not and are finite and nonzero at the point (a finite limit, or +-inf, stays one near the point), and functions
 * of one argument. Then the limit in that variable, the others held at the point, is the limit in all of them. Else
 * undefined (y * log(x) at y = 0 has no limit: the lines through the point disagree).
 */
function singularInOne(ctx: Context, target: number, why: Fail): string | undefined {
  const { g } = ctx;
  if (why.at === undefined) return undefined;
  const single = movingVariable(g, why.at, ctx.varNames);
  if (typeof single !== 'string') return undefined;
  const inTarget = [...g.closure([target])].sort((a, b) => a - b);
  // whether each node involves a variable other than the singular one: those are where the others join
  const mixed = new Map<number, boolean>();
  const above = new Set([why.at]);
  for (const id of inTarget) {
    const n = g.node(id);
    const args = 'args' in n ? n.args : [];
    mixed.set(id, n.k === 'var' ? n.name !== single : args.some((a) => mixed.get(a)));
    if (id <= why.at || !args.some((a) => above.has(a))) continue;
    above.add(id);
    // a function of the singular variable alone: its one-variable limit is all there is to it
    if (!mixed.get(id)) continue;
    if (n.k === 'where' && !above.has(n.args[0]!) && strictAt(ctx, n.args[0]!)) continue;
    if (n.k !== 'prim') return undefined;
    const others = args.filter((a) => !above.has(a));
    if (args.length === 1 || others.length === 0 || n.op === 'add' || n.op === 'sub') continue;
    if (n.op !== 'mul' && n.op !== 'div') return undefined;
    const outcomes = certifyAll(g, others, ctx.vars, ctx.format, ctx.capBits, ctx.arithmetics);
    if (outcomes.some((o) => 'singular' in o || o.truth.kind !== 'finite' || /^-?0(\.0*)?$/.test(o.truth.decimal))) return undefined;
  }
  return single;
}

/**
 * A selection's condition that holds strictly at the point (y > 0 at y = 1, not at y = 0): it selects the same branch
 * in a whole neighbourhood, so the selection passes a limit on.
 */
function strictAt(ctx: Context, condition: number): boolean {
  const n = ctx.g.node(condition);
  if (n.k !== 'cmp') return false;
  const sides = certifyAll(ctx.g, n.args, ctx.vars, ctx.format, ctx.capBits, ctx.arithmetics);
  if (sides.some((o) => 'singular' in o || o.truth.kind !== 'finite')) return false;
  const [l, r] = sides.map((o) => ('truth' in o && o.truth.kind === 'finite' ? o.truth.decimal : ''));
  return l !== r && Number(l) !== Number(r);
}

/**
 * Several variables: a limit along a line proves nothing about the others, but two lines (each
 * variable alone, then all together with multiples 1, 2, 3, ...) whose limits differ, or one line
 * whose two sides differ, prove there is none.
 */
function severalVariables(ctx: Context, target: number, why: Fail, value: ValueInfo | null, vars: string[]): Truth {
  const lines = [...vars.map((v) => new Map([[v, 1]])), new Map(vars.map((v, i) => [v, i + 1]))];
  const seen: Truth[] = [];
  for (const line of lines) {
    const limits = new Limits(ctx.g, ctx.vars, line, ctx.format);
    const t = value === null ? limits.value(target, why.reason) : derivative(limits, target, why, value, continuousByStructure(ctx.g, value.node));
    if (t.kind === 'undefined' && /sides differ/.test(t.reason)) return t;
    if (t.kind === 'finite' || t.kind === 'infinite') {
      if (seen.some((u) => 'value' in u && !Object.is(u.value, t.value))) {
        return { kind: 'undefined', reason: `${why.reason}: the limit depends on the direction` };
      }
      seen.push(t);
    }
  }
  return { kind: 'unknown', reason: `${why.reason}: singular in several variables (limits along lines agree, which proves nothing about other paths)` };
}

function derivative(limits: Limits, target: number, why: Fail, value: ValueInfo, continuous: boolean): Truth {
  const v = value.truth;
  if (v.kind !== 'finite') return limits.derivativeOnly(target, value.node, why.reason);
  if (!v.limit && value.exact === null && !continuous) {
    return { kind: 'unknown', reason: `${why.reason}: the value here is not exact, so continuity is not decided` };
  }
  return limits.derivative(target, value.node, v.limit ? null : value.exact, why.reason);
}

function bySubstitution(ctx: Context, target: number, origin: number, value: ValueInfo | null): Truth | null {
  const { g } = ctx;
  const inTarget = [...g.closure([target])].sort((a, b) => a - b);
  const above = new Set<number>();
  for (const id of inTarget) {
    const n = g.node(id);
    if (id === origin || ('args' in n && n.args.some((a) => above.has(a)))) above.add(id);
  }
  for (const candidate of [...above].sort((a, b) => a - b)) {
    if (!continuousAbove(g, inTarget, candidate)) continue;
    const moving = movingVariable(g, candidate, ctx.varNames);
    if (typeof moving !== 'string') continue;
    const lim = new Limits(g, ctx.vars, new Map([[moving, 1]]), ctx.format).limitOf(candidate);
    if (lim === null) continue;
    if (candidate === target) return null;
    const [o] = certifyAll(g, [target], ctx.vars, ctx.format, ctx.capBits, ctx.arithmetics, new Map([[candidate, lim]]));
    if (!o || 'singular' in o) return null;
    if (value !== null && value.truth.kind === 'finite' && !value.truth.limit) {
      // a partial derivative's limit stands for the derivative only where the function is continuous
      return { kind: 'unknown', reason: 'a removable singularity in the derivative of a function defined at the point' };
    }
    return o.truth.kind === 'finite' || o.truth.kind === 'infinite' ? { ...o.truth, limit: true } : o.truth;
  }
  return null;
}

/** Whether every node between the candidate and the target is continuous in it (no comparisons, no selections by it). */
function continuousAbove(g: PGraph, inTarget: readonly number[], candidate: number): boolean {
  const dep = new Set([candidate]);
  for (const id of inTarget) {
    if (id <= candidate) continue;
    const n = g.node(id);
    if (!('args' in n) || !n.args.some((a) => dep.has(a))) continue;
    dep.add(id);
    if (n.k === 'prim') continue;
    if (n.k === 'where' && !dep.has(n.args[0]!)) continue;
    return false;
  }
  return true;
}

/** The one variable the singular quantity depends on, the several, or why there is none. */
export function movingVariable(g: PGraph, target: number, vars: readonly string[]): string | string[] | Truth {
  const used = new Set<string>();
  for (const id of g.closure([target])) {
    const n = g.node(id);
    if (n.k === 'var') used.add(n.name);
  }
  const list = vars.filter((v) => used.has(v));
  if (list.length === 0) return { kind: 'undefined', reason: 'a constant with no value (e.g. 1/0)' };
  return list.length === 1 ? list[0]! : list;
}

/**
 * A value computed at the point (not a limit) from real functions, max and min only is continuous there: every prim
 * was evaluated at a regular point of its domain, and max/min are continuous. Comparisons, where, sign and step can
 * jump, so their presence leaves continuity to be decided otherwise.
 */
function continuousByStructure(g: PGraph, valueNode: number): boolean {
  for (const id of g.closure([valueNode])) {
    const k = g.node(id).k;
    if (k !== 'prim' && k !== 'const' && k !== 'var' && k !== 'max' && k !== 'min') return false;
  }
  return true;
}
