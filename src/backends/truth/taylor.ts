import type { PGraph } from './pgraph.js';
import * as Q from './rational.js';

/**
 * Taylor models at 0 with exact rational coefficients and a rigorous remainder, for a quantity of one variable x on
 * 0 < |x| <= DELTA: f(x) = sum_i c[i] x^(lo + i) + e(x) with |e(x)| <= r |x|^k. The polynomial is the same for every
 * point (computed once per node), so a point near 0 costs one polynomial evaluation instead of the 2 log2(1/|x|)
 * extra bits a cancellation like 1/x^2 - e^-x/(1 - e^-x)^2 needs in ball arithmetic: the terms in 1/x^2 cancel
 * exactly here. Ops: + - * / neg square reciprocal exp expm1, rational constants, the variable; anything else (a
 * branch, a non-rational literal, e^c with c != 0, a divisor whose leading term does not dominate) has no model.
 */
export interface Taylor {
  readonly lo: number;
  readonly c: readonly Q.Q[];
  readonly k: number;
  /** >= 0 */
  readonly r: Q.Q;
}

/** The models hold for 0 < |x| <= 2^-DELTA_BITS. */
export const DELTA_BITS = 16;
/** Polynomial terms up to x^MAX_POW; higher ones go into the remainder. */
const MAX_POW = 10;

/** delta^m for an integer m >= 0 (exact: a power of two). */
const deltaPow = (m: number): Q.Q => Q.q(1n, 1n << BigInt(DELTA_BITS * m));
const absQ = (a: Q.Q): Q.Q => (a.n < 0n ? Q.neg(a) : a);

/** An upper bound of a >= 0 with a short numerator and a power-of-two denominator (keeps remainders small). */
function roundUp(a: Q.Q): Q.Q {
  if (a.n === 0n || (a.d & (a.d - 1n)) === 0n && Q.bitLen(a.n) <= 64) return a;
  const s = BigInt(Math.max(0, 48 - (Q.bitLen(a.n) - Q.bitLen(a.d))));
  const scaled = (a.n << s) / a.d + 1n;
  return Q.q(scaled, 1n << s);
}

/** Strip zero leading terms, fold terms of power >= k (or above MAX_POW) into the remainder. */
function normal(lo: number, c: Q.Q[], k: number, r: Q.Q): Taylor {
  let kk = Math.min(k, MAX_POW + 1);
  let rr = r.n === 0n || kk === k ? r : Q.mul(r, deltaPow(k - kk));
  let start = 0;
  while (start < c.length && c[start]!.n === 0n) start++;
  const out: Q.Q[] = [];
  for (let i = start; i < c.length; i++) {
    const p = lo + i;
    if (p >= kk) {
      if (c[i]!.n !== 0n) rr = Q.add(rr, Q.mul(absQ(c[i]!), deltaPow(p - kk)));
    } else out.push(c[i]!);
  }
  while (out.length > 0 && out[out.length - 1]!.n === 0n) out.pop();
  return { lo: lo + start, c: out, k: kk, r: roundUp(rr) };
}

/** The lowest power v and B with |P(x)| <= B |x|^v on the domain (B = 0 for P = 0: then v = +Infinity). */
function polyBound(t: Taylor): [number, Q.Q] {
  if (t.c.length === 0) return [Infinity, Q.ZERO];
  let b = Q.ZERO;
  t.c.forEach((c, i) => {
    b = Q.add(b, Q.mul(absQ(c), deltaPow(i)));
  });
  return [t.lo, b];
}

/** The lowest power v and B with |f(x)| <= B |x|^v on the domain (polynomial and remainder). */
function bound(t: Taylor): [number, Q.Q] {
  const [v, b] = polyBound(t);
  if (t.r.n === 0n) return [v, b];
  if (t.k <= v) return [t.k, Q.add(t.r, v === Infinity ? Q.ZERO : Q.mul(b, deltaPow(v - t.k)))];
  return [v, Q.add(b, Q.mul(t.r, deltaPow(t.k - v)))];
}

export const constant = (q: Q.Q): Taylor => normal(0, [q], MAX_POW + 1, Q.ZERO);
export const variable: Taylor = { lo: 1, c: [Q.ONE], k: MAX_POW + 1, r: Q.ZERO };

export function neg(a: Taylor): Taylor {
  return { ...a, c: a.c.map(Q.neg) };
}

export function add(a: Taylor, b: Taylor): Taylor {
  const lo = Math.min(a.lo, b.lo);
  const hi = Math.max(a.lo + a.c.length, b.lo + b.c.length);
  const c: Q.Q[] = [];
  for (let p = lo; p < hi; p++) {
    const x = a.c[p - a.lo];
    const y = b.c[p - b.lo];
    c.push(x && y ? Q.add(x, y) : x ?? y ?? Q.ZERO);
  }
  const k = Math.min(a.k, b.k);
  const r = Q.add(a.r.n === 0n ? Q.ZERO : Q.mul(a.r, deltaPow(a.k - k)), b.r.n === 0n ? Q.ZERO : Q.mul(b.r, deltaPow(b.k - k)));
  return normal(lo, c, k, r);
}

export function mul(a: Taylor, b: Taylor): Taylor {
  const c: Q.Q[] = new Array(Math.max(0, a.c.length + b.c.length - 1)).fill(Q.ZERO);
  a.c.forEach((x, i) => b.c.forEach((y, j) => {
    c[i + j] = Q.add(c[i + j]!, Q.mul(x, y));
  }));
  // |Pa Rb| <= Ba rb |x|^(va + kb), |Pb Ra| <= Bb ra |x|^(vb + ka), |Ra Rb| <= ra rb |x|^(ka + kb)
  const [va, ba] = polyBound(a);
  const [vb, bb] = polyBound(b);
  const terms: [number, Q.Q][] = [];
  if (b.r.n !== 0n && ba.n !== 0n) terms.push([va + b.k, Q.mul(ba, b.r)]);
  if (a.r.n !== 0n && bb.n !== 0n) terms.push([vb + a.k, Q.mul(bb, a.r)]);
  if (a.r.n !== 0n && b.r.n !== 0n) terms.push([a.k + b.k, Q.mul(a.r, b.r)]);
  const k = Math.min(a.k + b.k, ...terms.map(([p]) => p), MAX_POW + 1);
  let r = Q.ZERO;
  for (const [p, x] of terms) r = Q.add(r, Q.mul(x, deltaPow(p - k)));
  return normal(a.lo + b.lo, c, k, r);
}

/** 1 + sum_{j=1..M} s_j w^j + E with |E| <= e |x|^(vw (M + 1)), by Horner in the models. */
function series(w: Taylor, coef: (j: number) => Q.Q, m: number, eBound: Q.Q, eOrder: number): Taylor {
  let s = constant(coef(m));
  for (let j = m - 1; j >= 0; j--) s = add(mul(s, w), constant(coef(j)));
  return add(s, { lo: 0, c: [], k: eOrder, r: roundUp(eBound) });
}

/** Terms of w's series needed for a remainder of order above MAX_POW when w = O(x^vw). */
const termsFor = (vw: number): number => Math.ceil((MAX_POW + 1) / vw);

export function reciprocal(a: Taylor): Taylor | null {
  if (a.c.length === 0 || a.k <= a.lo) return null;
  const v = a.lo;
  const cv = a.c[0]!;
  // a = cv x^v (1 + w): w's terms are a's other terms over cv x^v, its remainder a's over |cv| |x|^v
  const w = normal(1, a.c.slice(1).map((x) => Q.div(x, cv)), a.k - v, Q.div(a.r, absQ(cv)));
  const [vw, bw] = bound(w);
  if (vw < 1) return null;
  if (vw === Infinity) return { lo: -v, c: [Q.div(Q.ONE, cv)], k: MAX_POW + 1, r: Q.ZERO };
  // |w| <= W = bw delta^vw on the domain; 1/(1 + w) = sum_{j<=M} (-w)^j + E, |E| <= |w|^(M+1) / (1 - W)
  const W = Q.mul(bw, deltaPow(vw));
  if (Q.cmp(W, Q.HALF) > 0) return null;
  const m = termsFor(vw);
  const e = Q.mul(Q.powInt(bw, BigInt(m + 1)), Q.q(2n)); // 1 / (1 - W) <= 2
  const s = series(w, (j) => (j % 2 === 0 ? Q.ONE : Q.q(-1n)), m, e, vw * (m + 1));
  // times x^-v / cv
  const inv = Q.div(Q.ONE, cv);
  return normal(s.lo - v, s.c.map((x) => Q.mul(x, inv)), s.k - v, Q.mul(s.r, absQ(inv)));
}

export function div(a: Taylor, b: Taylor): Taylor | null {
  const rb = reciprocal(b);
  return rb === null ? null : mul(a, rb);
}

/** e^a - 1 (minus1) or e^a, for a = O(x) (a(0) = 0: e^a(0) is rational only there). */
export function exp(a: Taylor, minus1: boolean): Taylor | null {
  const [v, b] = bound(a);
  if (v === Infinity) return constant(minus1 ? Q.ZERO : Q.ONE);
  if (v < 1) return null;
  // |a| <= G = b delta^v <= 1 on the domain; e^a = sum_{j<=M} a^j/j! + E, |E| <= |a|^(M+1) e^G / (M+1)! <= 3 |a|^(M+1) / (M+1)!
  if (Q.cmp(Q.mul(b, deltaPow(v)), Q.ONE) > 0) return null;
  const m = termsFor(v);
  let fact = 1n;
  const inv: Q.Q[] = [Q.ONE];
  for (let j = 1; j <= m + 1; j++) {
    fact *= BigInt(j);
    inv.push(Q.q(1n, fact));
  }
  const e = Q.mul(Q.mul(Q.powInt(b, BigInt(m + 1)), Q.q(3n)), inv[m + 1]!);
  const s = series(a, (j) => (j === 0 && minus1 ? Q.ZERO : inv[j]!), m, e, v * (m + 1));
  return s;
}

/** Nesting beyond which a node has no model (as the quick evaluator's MAX_DEPTH: no deep recursion). */
const MAX_DEPTH = 400;
/** A model whose coefficients grow beyond this many bits is dropped (deep compositions of exp and quotients). */
const MAX_COEF_BITS = 2048;

/** The model of a node of the plan's graph in its one variable, memoised (null: none). */
export function taylorOf(g: PGraph, id: number, memo: Map<number, Taylor | null>, depth = 0): Taylor | null {
  const known = memo.get(id);
  if (known !== undefined) return known;
  if (depth > MAX_DEPTH) return null;
  const n = g.nodes[id]!;
  let t: Taylor | null = null;
  if (n.k === 'const') t = n.q === null ? null : constant(n.q);
  else if (n.k === 'var') t = variable;
  else if (n.k === 'prim') {
    const a = taylorOf(g, n.args[0]!, memo, depth + 1);
    const b = n.args.length > 1 ? taylorOf(g, n.args[1]!, memo, depth + 1) : null;
    if (a !== null && (n.args.length === 1 || b !== null)) t = apply(n.op, a, b);
    if (t !== null && t.c.some((c) => Q.bitLen(c.n) + Q.bitLen(c.d) > MAX_COEF_BITS)) t = null;
  }
  memo.set(id, t);
  return t;
}

function apply(op: string, a: Taylor, b: Taylor | null): Taylor | null {
  switch (op) {
    case 'neg': return neg(a);
    case 'add': return add(a, b!);
    case 'sub': return add(a, neg(b!));
    case 'mul': return mul(a, b!);
    case 'square': return mul(a, a);
    case 'div': return div(a, b!);
    case 'reciprocal': return reciprocal(a);
    case 'exp': return exp(a, false);
    case 'expm1': return exp(a, true);
    default: return null;
  }
}
