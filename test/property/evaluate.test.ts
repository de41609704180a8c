import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compile } from '../../src/graph/compile.js';
import { evaluateFloat } from '../../src/backends/float.js';
import { UserError } from '../../src/parse/index.js';
import { render, typedProgram, VARIABLES } from './programs.js';
import { referenceEvaluate } from './reference-eval.js';

/** PROPERTY_SCALE=10 searches ten times as long. */
const RUNS = { seed: Number(process.env.PROPERTY_SEED ?? 20_261_130), numRuns: 1_000 * Number(process.env.PROPERTY_SCALE ?? 1) };

/** Points that probe the edges: any double (NaN, infinities, subnormals, -0), small numbers, and where ops turn. */
const coordinate = fc.oneof(
  fc.double(),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 0.5, 2, 710, -745, 1e-300, -5e-324, 1e308, Math.PI / 2, NaN, Infinity, -Infinity),
);
const points = fc.array(fc.tuple(coordinate, coordinate, coordinate, coordinate), { minLength: 1, maxLength: 6 });

const show = (v: number) => (Object.is(v, -0) ? '-0' : String(v));

test('(d) the float64 evaluator gives, bit for bit, what an independent evaluation of the AST gives', () => {
  fc.assert(
    fc.property(typedProgram.map((p) => render(p, true)), points, ({ text, statements }, rows) => {
      let graph;
      try {
        // the tfjs model: IEEE double kernels, subnormals kept, JS's Math.pow (the reference's ops)
        graph = compile(text, undefined, { framework: 'tfjs' });
      } catch (e) {
        fc.pre(!(e instanceof UserError && e.message === 'nested more than 200 levels deep'));
        throw e;
      }
      const inputs = Object.fromEntries(graph.vars.map((v) => [v, rows.map((row) => row[VARIABLES.indexOf(v as (typeof VARIABLES)[number])]!)]));
      const values = evaluateFloat(graph, 'float64', inputs)[graph.output]!;
      rows.forEach((row, i) => {
        const point = new Map(VARIABLES.map((v, k) => [v, row[k]!]));
        const expected = referenceEvaluate(statements, point);
        const actual = values.length === 1 ? values[0]! : values[i]!;
        assert.ok(Object.is(actual, expected), `at ${VARIABLES.map((v, k) => `${v}=${show(row[k]!)}`).join(', ')}: evaluator ${show(actual)}, reference ${show(expected)}\n${text}`);
      });
    }),
    RUNS,
  );
});
