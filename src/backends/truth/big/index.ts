/** BigInt ball arithmetic: rigorous enclosures of real results with BigInt mantissas and exponents. */
export type { BigBall, BigFail } from './types.js';
export { isFail, MAX_EXP_BITS, MAX_PREC } from './types.js';
export { bigFromDouble, bigFromDD } from './convert.js';
export { bigFromDecimal, bigDigits } from './decimal.js';
export { bigOp } from './ops.js';
export { bigRoundsTo, bigSign, bigCompare, bigLog2Mag, bigRelWidth } from './round.js';
