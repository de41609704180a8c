// Trig at huge arguments (Payne-Hanek reduction) against mpmath at 3000 bits, including the classic hardest double
// for reduction, 6381956970095103 * 2^797, whose distance to a multiple of pi/2 is about 2^-61.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ddFromDouble, ddOp, ddRoundsTo } from '../../../../src/backends/truth/fast/index.js';
import type { PrimOp } from '../../../../src/backends/truth/prim.js';
import { ballContains, decimalTolerance, ratOfDecimal } from './exact.js';

const HARD = 6381956970095103 * 2 ** 797;
const CASES: ReadonlyArray<[PrimOp, number, string, number]> = [
  ['sin', 1e22, '-8.5220084976718880177270589375302936826176215e-1', -0.8522008497671888],
  ['cos', 2 ** 1023, '-8.26369834614147994500785680811743734805712733e-1', -0.826369834614148],
  ['tan', Number.MAX_VALUE, '-4.96201587444489490050088433616323041855653261e-3', -0.004962015874444895],
  ['sin', 2 ** 20 + 0.5, '7.42520864092771863655327632426650491207295526e-1', 0.7425208640927718],
  ['cos', 2 ** 20 + 1, '2.31841463516241251016992868559351781145479283e-1', 0.23184146351624124],
  ['sin', -3e300, '2.65220056720919933461081673393790660076832683e-1', 0.2652200567209199],
  ['sin', HARD, '9.99999999999999999999999999999999999890152378e-1', 1],
  ['cos', HARD, '-4.68716592425462761112258280196388439877791472e-19', -4.687165924254628e-19],
];

test('sin, cos, tan at huge arguments enclose mpmath and round to its float64', () => {
  for (const [op, x, exact, f64] of CASES) {
    const out = ddOp(op, [ddFromDouble(x)]);
    assert.ok(out !== null, `${op}(${x})`);
    assert.ok(ballContains(out, ratOfDecimal(exact), decimalTolerance(exact)), `${op}(${x}) = ${exact} not in ${JSON.stringify(out)}`);
    assert.equal(ddRoundsTo(out, 'float64'), f64, `${op}(${x})`);
  }
});
