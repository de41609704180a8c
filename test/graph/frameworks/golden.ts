/**
 * The golden rows of fixtures/frameworks/<framework>.jsonl (measured in the real frameworks by oracle/), evaluated with
 * f-diagnose's graph for that framework, and compared: NaN / +inf / -inf / zero / finite class exactly, finite values
 * within a ULP budget. No Python: the goldens are data.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateFloat } from '../../../src/backends/float.js';
import { type FloatFormat, ulpDistance } from '../../../src/base/float-format.js';
import { compile } from '../../../src/graph/compile.js';
import type { FrameworkId } from '../../../src/graph/frameworks/index.js';
import { targetNode, targetsOf, type Target } from '../../../src/graph/graph.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/frameworks');

export interface GoldenRow {
  case: string;
  expr: string;
  dtype: FloatFormat;
  args: Record<string, string>;
  value: string;
  grad: Record<string, string | null>;
}

/**
 * Cases whose expression is not in the expression language (the frameworks' built-in BCE by name): skipped here, by
 * name, and checked through the Python front end that lowers them (test/parse/python/builtin-losses-golden.test.ts).
 */
export const NOT_IN_VOCABULARY: readonly string[] = [
  'bce_builtin', 'bce_logits_builtin',
];

/** A known, explained disagreement: the rows it matches are counted apart, not as failures. */
export interface Exception {
  case: string;
  dtype?: FloatFormat;
  target?: Target;
  /** Which inputs (all rows of the case when absent). */
  when?: (args: Record<string, number>) => boolean;
  why: string;
}

export function readGolden(framework: FrameworkId): GoldenRow[] {
  return readFileSync(join(FIXTURES, `${framework}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as GoldenRow & { header?: boolean; kind?: string })
    .filter((r) => !r.header && r.kind !== 'cliff');
}

/** Python's repr of a double; "inf" and "-inf" are not read by Number(). */
export function num(text: string): number {
  return text === 'inf' ? Infinity : text === '-inf' ? -Infinity : text === 'nan' ? NaN : Number(text);
}

export type FloatClass = 'nan' | '+inf' | '-inf' | 'zero' | 'finite';
export function classOf(x: number): FloatClass {
  return Number.isNaN(x) ? 'nan' : x === Infinity ? '+inf' : x === -Infinity ? '-inf' : x === 0 ? 'zero' : 'finite';
}

export interface Mismatch {
  case: string;
  dtype: FloatFormat;
  target: Target;
  args: Record<string, string>;
  want: number;
  got: number;
  ulps: number;
  exception?: string;
}

export interface GoldenReport {
  framework: FrameworkId;
  /** Compared (row, target) pairs, after skipping cases not in the vocabulary. */
  compared: number;
  classAgree: number;
  /** Pairs that agree on NaN / +inf / -inf / not one of those (zero and finite taken together). */
  nanInfAgree: number;
  /** Finite pairs within the ULP budget. */
  valueAgree: number;
  skippedRows: number;
  /** Class mismatches not covered by an exception (must be empty). */
  classFailures: Mismatch[];
  /** Finite values beyond the budget not covered by an exception (must be empty). */
  ulpFailures: Mismatch[];
  /** Mismatches covered by an exception, by reason. */
  excused: Map<string, number>;
}

/** Pairs (row, target) compared per case; evaluates every case once per dtype, as one batch. */
export function checkGolden(framework: FrameworkId, budget: (c: string, dtype: FloatFormat) => number, exceptions: readonly Exception[]): GoldenReport {
  const rows = readGolden(framework);
  const report: GoldenReport = { framework, compared: 0, classAgree: 0, nanInfAgree: 0, valueAgree: 0, skippedRows: 0, classFailures: [], ulpFailures: [], excused: new Map() };
  const groups = new Map<string, GoldenRow[]>();
  for (const r of rows) {
    if (NOT_IN_VOCABULARY.includes(r.case)) {
      report.skippedRows++;
      continue;
    }
    const key = `${r.case}|${r.dtype}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const graph = compile(first.expr, undefined, { framework });
    const inputs = Object.fromEntries(graph.vars.map((v) => [v, group.map((r) => num(r.args[v]!))]));
    const values = evaluateFloat(graph, first.dtype, inputs, undefined, group.length);
    for (const target of targetsOf(graph)) {
      const out = values[targetNode(graph, target)]!;
      group.forEach((r, i) => {
        const wantText = target === 'value' ? r.value : r.grad[target.slice(5)];
        if (wantText === null || wantText === undefined) return;
        const want = num(wantText);
        const got = out[i]!;
        report.compared++;
        const args = Object.fromEntries(Object.entries(r.args).map(([k, v]) => [k, num(v)]));
        const exception = exceptions.find((e) => e.case === r.case && (!e.dtype || e.dtype === r.dtype) && (!e.target || e.target === target) && (!e.when || e.when(args)));
        const m: Mismatch = { case: r.case, dtype: r.dtype, target, args: r.args, want, got, ulps: 0 };
        const special = (v: number) => (Number.isFinite(v) ? 'number' : classOf(v));
        if (special(want) === special(got)) report.nanInfAgree++;
        if (classOf(want) !== classOf(got)) {
          if (exception) report.excused.set(exception.why, (report.excused.get(exception.why) ?? 0) + 1);
          else report.classFailures.push(m);
          return;
        }
        report.classAgree++;
        if (classOf(want) !== 'finite') {
          report.valueAgree++;
          return;
        }
        m.ulps = ulpDistance(want, got, r.dtype);
        if (m.ulps <= budget(r.case, r.dtype)) report.valueAgree++;
        else if (exception) report.excused.set(exception.why, (report.excused.get(exception.why) ?? 0) + 1);
        else report.ulpFailures.push(m);
      });
    }
  }
  return report;
}

export function summaryLine(r: GoldenReport): string {
  const pct = (a: number) => ((100 * a) / r.compared).toFixed(2);
  const excused = [...r.excused.values()].reduce((s, n) => s + n, 0);
  return `${r.framework}: ${r.compared} (row, target) pairs compared; NaN/inf agree on ${r.nanInfAgree} (${pct(r.nanInfAgree)}%), `
    + `NaN/inf/zero/finite class on ${r.classAgree} (${pct(r.classAgree)}%), `
    + `value within budget on ${r.valueAgree} (${pct(r.valueAgree)}%); ${excused} excused by ${r.excused.size} listed exceptions; `
    + `${r.skippedRows} rows skipped (built-in losses, checked through the Python front end)`;
}

interface CliffRow {
  case: string;
  expr: string;
  dtype: FloatFormat;
  target: string;
  is: string;
  last_true: string | null;
  first_false: string | null;
}

/**
 * The cliff rows (the float where a class starts, found by bisection over every float in the real framework): the
 * model must have the class at last_true and not at its neighbour first_false. Returns one line per disagreement.
 */
export function checkCliffs(framework: FrameworkId): { checked: number; failures: string[] } {
  const rows = readFileSync(join(FIXTURES, `${framework}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CliffRow & { kind?: string })
    .filter((r) => r.kind === 'cliff' && r.last_true !== null && !NOT_IN_VOCABULARY.includes(r.case.replace(/^cliff_/, '')));
  const failures: string[] = [];
  for (const r of rows) {
    const graph = compile(r.expr, undefined, { framework });
    const xs = [num(r.last_true!), num(r.first_false!)];
    const values = evaluateFloat(graph, r.dtype, { [graph.vars[0]!]: xs });
    const node = r.target === 'value' ? graph.output : graph.grads[graph.vars[0]!]!;
    const [atEdge, beyond] = [values[node]![0]!, values[node]![1]!];
    const holds = (v: number) => (r.is === 'nan' ? Number.isNaN(v) : v === num(r.is));
    if (!holds(atEdge) || holds(beyond)) {
      failures.push(`${r.case} ${r.dtype}: ${r.target} is ${r.is} up to ${r.last_true} in ${framework}; the model gives ${atEdge} there and ${beyond} at ${r.first_false}`);
    }
  }
  return { checked: rows.length, failures };
}
