import type { Expr } from '../parse/ast.js';
import { parseProgram } from '../parse/index.js';
import { children } from './tree.js';

const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

/** Relative steps from a cutoff c at which its neighbourhood is checked: c * (1 +- 2^-k). */
const STEPS = [1, 2, 3, 4, 6, 8, 10, 13, 16, 20, 24, 30, 40, 52].map((k) => 2 ** -k);

/**
 * Points on both sides of every cutoff the candidates' comparisons test (abs(x) < 0.5 -> +-0.5), at growing
 * distances. A branch's far form is usually least accurate right past its cutoff (a series stops where its
 * truncation is largest, the other form starts where its cancellation is worst), a band that log-uniform samples
 * and the cutoff's own ULP neighbours both miss: the story's series fix is 111 ULP off in float32 at x = 0.5001.
 */
export function branchPoints(programs: readonly string[]): number[] {
  const cutoffs = new Set<number>();
  for (const source of programs) {
    for (const statement of parseProgram(source).statements) collect(statement.body, cutoffs);
  }
  const out: number[] = [];
  for (const c of cutoffs) {
    for (const s of STEPS) for (const v of [c * (1 + s), c * (1 - s)]) out.push(v, -v);
  }
  return out.filter((v) => Number.isFinite(v) && v !== 0);
}

function collect(root: Expr, into: Set<number>): void {
  const stack = [root];
  while (stack.length) {
    const e = stack.pop()!;
    if (e.kind === 'binary' && COMPARISONS.has(e.op)) {
      for (const side of [e.left, e.right]) {
        const v = literal(side);
        if (v !== undefined && Number.isFinite(v) && v !== 0) into.add(Math.abs(v));
      }
    }
    stack.push(...children(e));
  }
}

function literal(e: Expr): number | undefined {
  if (e.kind === 'number') return Number(e.text);
  if (e.kind === 'unary' && (e.op === '-' || e.op === '+') && e.arg.kind === 'number') return Number(e.arg.text);
  return undefined;
}

/** Geometric steps per sign over [2^-12, 2^12] in the dense band. */
const BAND_POINTS = 256;

/**
 * A dense geometric grid over the magnitudes a loss's inputs mostly take, [2^-12, 2^12] (exp's overflow thresholds
 * 88.7 and 709.8 included), on both signs. Log-uniform samples over the whole float64 range put about one sample in
 * each decade, so a fix whose error peaks over a decade or two is easily passed: torch's sigmoid gradient
 * s * (1 - s) is 140 ULP (and 1.2e-16, beyond atol) off at x = 5 in float64, which 4096 samples missed.
 */
export function bandPoints(): number[] {
  const out: number[] = [];
  for (let i = 0; i < BAND_POINTS; i++) {
    const v = 2 ** (-12 + (24 * i) / (BAND_POINTS - 1));
    out.push(v, -v);
  }
  return out;
}
