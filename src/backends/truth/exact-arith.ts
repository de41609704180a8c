import type { Arith } from './arith.js';

/**
 * The pass before any ball library: exact rationals only (every ball op answers "cannot"), so exact
 * results (x * 0.1 - 0.1 at 1, (1 + x) - 1) and exact zeros at poles are found without rounding.
 */
export const EXACT_ONLY: Arith<never> = {
  name: 'exact rationals',
  start: 0,
  escalates: false,
  fromDouble: () => null,
  fromRational: () => null,
  fromDecimal: () => null,
  op: () => null,
  roundsTo: () => undefined,
  sign: () => undefined,
  digits: () => '?',
  log2Mag: () => NaN,
  relWidth: () => Infinity,
};
