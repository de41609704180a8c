/**
 * The decimal ground truth against mpmath (fixtures/mpmath/reference.json): for every row, the
 * certified truth of the value and of every partial derivative must be the float mpmath rounds to.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compile } from '../../../src/graph/compile.js';
import { groundTruth } from '../../../src/backends/truth/index.js';
import type { Graph } from '../../../src/graph/graph.js';
import type { Truth } from '../../../src/backends/truth.js';
import { roundTo } from '../../../src/base/float-format.js';
import {
  leadingDigitsAgree, loadReference, parseFloatText, pointLabel, pointOf, type RefCase, type RefQuantity,
} from '../../helpers/mpmath-reference.js';

/** Rows (never story rows) where the decimal backend may give up with 'unknown' (4 today: softplus at +-1e10). */
const MAX_UNKNOWN = 10;

const reference = loadReference();

/** Why truth disagrees with mpmath, or null when it agrees (or the row is unchecked / unknown). */
function disagreement(truth: Truth, want: RefQuantity): string | null {
  if (want.kind === 'unchecked' || truth.kind === 'unknown') return null;
  const got = truth.kind === 'finite' || truth.kind === 'infinite' ? `${truth.kind} ${truth.value}` : `${truth.kind} (${truth.reason})`;
  switch (want.kind) {
    case 'undefined':
      return truth.kind === 'undefined' ? null : `want undefined, got ${got}`;
    case 'infinite': {
      const v = parseFloatText(want.rounded);
      return truth.kind === 'infinite' && truth.value === v ? null : `want infinite ${v}, got ${got}`;
    }
    case 'finite': {
      const v = parseFloatText(want.rounded);
      // An exact zero has no sign; a nonzero result that rounds to zero keeps its sign.
      const same = truth.kind === 'finite' && (want.decimal === '0' ? truth.value === v : Object.is(truth.value, v));
      if (!same) return `want finite ${Object.is(v, -0) ? '-0' : v} (${want.decimal}), got ${got}`;
      // decimal.js cannot hold e.g. exp(1e300); the backend then says "beyond 1e+9e15": no digits to compare.
      if (leadingDigitsAgree(want.decimal, (truth as { decimal: string }).decimal) === false) {
        return `digits: want ${want.decimal}, got ${(truth as { decimal: string }).decimal}`;
      }
      return null;
    }
  }
}

function byExprAndGroup(cases: RefCase[]): Map<string, Map<string, RefCase[]>> {
  const out = new Map<string, Map<string, RefCase[]>>();
  for (const row of cases) {
    const groups = out.get(row.expr) ?? new Map<string, RefCase[]>();
    const key = `${row.format} ${row.regime}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
    out.set(row.expr, groups);
  }
  return out;
}

describe('the mpmath reference itself', () => {
  it('has the size and coverage it claims', () => {
    const exprs = new Set(reference.cases.map((r) => r.expr));
    assert.ok(reference.cases.length >= 300, `${reference.cases.length} rows`);
    assert.ok(exprs.size >= 25, `${exprs.size} expressions`);
    assert.deepEqual(new Set(reference.cases.map((r) => r.regime)),
      new Set(['tiny', 'small', 'medium', 'large', 'threshold', 'special', 'huge']));
    assert.match(reference.note, /do not edit/);
  });

  it('has every point and rounded value exactly representable in its format', () => {
    for (const row of reference.cases) {
      const round = roundTo(row.format);
      for (const [k, v] of Object.entries(pointOf(row))) assert.equal(round(v), v, `${row.expr} ${row.format} ${k}=${v}`);
      for (const q of [row.value, ...Object.values(row.grad)]) {
        if (q.kind === 'finite' || q.kind === 'infinite') {
          const v = parseFloatText(q.rounded);
          assert.ok(Object.is(round(v), v), `${row.expr} ${row.format} ${pointLabel(row)}: ${q.rounded}`);
        }
      }
    }
  });

  it('rounds its 40 digits to the same float as JavaScript does (no double-rounding slips)', () => {
    for (const row of reference.cases) {
      for (const q of [row.value, ...Object.values(row.grad)]) {
        if (q.kind !== 'finite') continue;
        const fromDigits = roundTo(row.format)(Number(q.decimal));
        assert.ok(Object.is(fromDigits, parseFloatText(q.rounded)) || (q.decimal === '0' && fromDigits === 0),
          `${row.expr} ${row.format} ${pointLabel(row)}: ${q.decimal} -> ${fromDigits} vs ${q.rounded}`);
      }
    }
  });

  it('holds the story rows the user story names, with f(0) = 1/2 and f\'(0) = 1/12', () => {
    const story = reference.cases.filter((r) => r.expr === 'story' && r.format === 'float64');
    const xs = new Set(story.map((r) => parseFloatText(r.at.x!)));
    for (const x of [-1e5, -800, -100, -88.8, -10, -1, -1e-5, 0, 1e-7, 1e-5, 0.1, 1, 10, 100, 1e10]) assert.ok(xs.has(x), `x=${x}`);
    const zero = story.find((r) => r.at.x === '0')!;
    assert.deepEqual(zero.value, { kind: 'finite', decimal: '5.000000000000000000000000000000000000000e-1', rounded: '0.5', limit: true });
    assert.equal(zero.grad.x!.kind === 'finite' && parseFloatText(zero.grad.x!.rounded), 1 / 12);
  });
});

describe('decimal ground truth agrees with mpmath', () => {
  const unknowns = new Set<string>();
  const graphs = new Map<string, Graph | Error>();
  const graphOf = (source: string): Graph => {
    if (!graphs.has(source)) {
      try {
        graphs.set(source, compile(source));
      } catch (e) {
        graphs.set(source, e instanceof Error ? e : new Error(String(e)));
      }
    }
    const g = graphs.get(source)!;
    if (g instanceof Error) throw g;
    return g;
  };

  for (const [expr, groups] of byExprAndGroup(reference.cases)) {
    describe(expr, () => {
      for (const [group, rows] of groups) {
        describe(group, () => {
          for (const row of rows) {
            it(pointLabel(row), async (t) => {
              const graph = graphOf(row.source);
              const truth = await groundTruth(graph, pointOf(row), row.format);
              const quantities: [string, Truth | undefined, RefQuantity][] = [
                ['value', truth.value, row.value],
                ...Object.entries(row.grad).map(([v, q]): [string, Truth | undefined, RefQuantity] => [`d/d${v}`, truth.grad[v], q]),
              ];
              const failures: string[] = [];
              for (const [name, got, want] of quantities) {
                if (got === undefined) {
                  failures.push(`${name}: no truth returned`);
                  continue;
                }
                if (got.kind === 'unknown' && want.kind !== 'unchecked') {
                  if (row.story) failures.push(`${name}: unknown on a story row (${got.reason})`);
                  else unknowns.add(`${expr} ${row.format} ${pointLabel(row)}`);
                  t.diagnostic(`unknown ${name}: ${got.reason}`);
                }
                if (want.kind === 'unchecked') t.diagnostic(`${name} unchecked (${want.reason}): got ${JSON.stringify(got)}`);
                if (want.kind === 'finite' && got.kind === 'finite' && !!want.limit !== !!got.limit) {
                  // How the backend reached the value is its business; recorded, not asserted.
                  t.diagnostic(`${name}: limit flag ${!!got.limit}, mpmath ${!!want.limit}`);
                }
                const why = disagreement(got, want);
                if (why) failures.push(`${name}: ${why}`);
              }
              assert.deepEqual(failures, [], `${expr} [${row.format}] at ${pointLabel(row)}`);
            });
          }
        });
      }
    });
  }

  it(`gives 'unknown' for at most ${MAX_UNKNOWN} rows`, (t) => {
    for (const u of unknowns) t.diagnostic(`unknown: ${u}`);
    assert.ok(unknowns.size <= MAX_UNKNOWN, `${unknowns.size} rows unknown:\n${[...unknowns].join('\n')}`);
  });
});
