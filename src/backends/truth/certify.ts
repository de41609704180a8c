import { plainDecimal } from './digits.js';
import type { FloatFormat } from '../../base/float-format.js';
import type { Truth } from '../truth.js';
import type { Arith } from './arith.js';
import { Evaluator } from './evaluate.js';
import type { PGraph } from './pgraph.js';
import type * as Q from './rational.js';
import { exactValue, isFail, Values, type Fail, type V } from './value.js';

/** Bits the reported decimal must prove (2^-56 relative: 16 digits) unless the cap is reached. */
const WANT_BITS = 56;

/** The relative width (log2) below which a ball that rounds to one float of the format is certified before the cap:
 *  the same for both formats (the decimal's 16 right digits, issue 14; tests compare 14 digits even in float32). */
export function wantBits(_format: FloatFormat): number {
  return WANT_BITS;
}

/** A certified truth, or the singular point (pole, kink, jump) that stopped the evaluation. */
export type Outcome = { truth: Truth; exact: Q.Q | null; domain?: boolean } | { singular: Fail };

/**
 * Certifies each target node at the point: every arithmetic in turn (exact rationals, the fast
 * path, BigInt balls at rising precision) until its enclosure rounds to a single float.
 */
export function certifyAll(g: PGraph, targets: readonly number[], vars: ReadonlyMap<string, Q.Q>, format: FloatFormat,
  capBits: number, arithmetics: readonly Arith<unknown>[], overrides: ReadonlyMap<number, Q.Q> = new Map()): Outcome[] {
  const out: (Outcome | null)[] = targets.map(() => null);
  const lastFail = new Map<number, string>(targets.map((_, i) => [i, 'no evaluation']));
  const open = new Set(targets.map((_, i) => i));
  const exactKnown = new Map<number, V<never>>();
  for (const A of arithmetics) {
    let prec = Math.min(A.start, capBits);
    for (;;) {
      const last = !A.escalates || prec >= capBits;
      const ev = new Evaluator(g, new Values(A, prec), vars, overrides, exactKnown);
      let next = A.escalates ? Math.min(capBits, prec * 2) : prec;
      for (const i of open) {
        const r = ev.get(targets[i]!);
        const settled = settle(ev.vals, r, format, last && A === arithmetics[arithmetics.length - 1]);
        if (settled) {
          out[i] = settled;
          open.delete(i);
          continue;
        }
        if (isFail(r)) {
          lastFail.set(i, r.reason);
          continue;
        }
        lastFail.set(i, `not certified at ${Math.floor(prec / Math.log2(10))} digits`);
        // the bits lost to cancellation are about the same at any precision: go straight to enough
        const width = ev.vals.relWidth(r);
        if (A.escalates && Number.isFinite(width)) next = Math.min(capBits, Math.max(next, Math.ceil(prec + width + WANT_BITS + 32)));
      }
      if (last || open.size === 0) break;
      // nothing said how much was lost: a cancellation loses at most the spread of the magnitudes
      if (A.escalates && next === prec * 2) next = Math.min(capBits, Math.max(next, Math.ceil(ev.spread() + WANT_BITS + 32)));
      prec = next;
    }
  }
  const digits = Math.floor(capBits / Math.log2(10));
  return out.map((o, i) => o ?? { truth: { kind: 'unknown', reason: `not certified within ${digits} digits (${lastFail.get(i)})` }, exact: null });
}

function settle<B>(vals: Values<B>, r: V<B> | Fail, format: FloatFormat, last: boolean): Outcome | null {
  if (isFail(r)) {
    if (r.saturated) {
      // beyond every format's range, as a whole quantity: +-Infinity or +-0
      const huge = r.saturated.huge;
      return { truth: { kind: 'finite', value: huge ? Infinity : 0, decimal: huge ? 'beyond 2^(2^4094)' : 'below 2^-(2^4094)' }, exact: null };
    }
    if (r.fail === 'undefined') return { truth: { kind: 'undefined', reason: r.reason }, exact: null, domain: true };
    if (r.fail === 'unknown') return { truth: { kind: 'unknown', reason: r.reason }, exact: null };
    if (r.fail === 'singular' || r.fail === 'kink' || r.fail === 'jump') return { singular: r };
    return null;
  }
  const x = vals.roundsTo(r, format);
  if (x === undefined || typeof x === 'object') return null;
  if (!last && vals.relWidth(r) > -WANT_BITS) return null;
  return { truth: { kind: 'finite', value: x, decimal: plainDecimal(vals.digits(r, 21)) }, exact: exactValue(r) };
}
