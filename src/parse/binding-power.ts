import type { BinaryOperator } from './ast.js';

/**
 * Binding powers, shared by the parser and the printer. An infix operator joins while its left power is >= the
 * caller's minimum; its right operand is parsed with the right power as the minimum (right < left makes it
 * right-associative). Comparisons are non-associative: a second one in a row is an error.
 * & and | bind looser than comparisons, unlike Python, so `abs(x) < 0.1 & x > 0` means what it says.
 */
export const COMPARISON = 40;

export interface Infix {
  op: BinaryOperator;
  left: number;
  right: number;
}

const leftAssociative = (op: BinaryOperator, power: number): Infix => ({ op, left: power, right: power + 1 });

/** Every written infix spelling ('or', '^', ...) to its operator and powers. */
export const INFIX: ReadonlyMap<string, Infix> = new Map([
  ['|', leftAssociative('|', 10)], ['or', leftAssociative('|', 10)],
  ['&', leftAssociative('&', 20)], ['and', leftAssociative('&', 20)],
  ...(['<', '<=', '>', '>=', '==', '!='] as const).map((op): [string, Infix] => [op, leftAssociative(op, COMPARISON)]),
  ['+', leftAssociative('+', 50)], ['-', leftAssociative('-', 50)],
  ['*', leftAssociative('*', 60)], ['/', leftAssociative('/', 60)],
  ['**', { op: '**', left: 80, right: 70 }], ['^', { op: '**', left: 80, right: 70 }],
]);

/** ~x and `not x`: x extends over comparisons and arithmetic, stopping at & and |. */
export const NOT_OPERAND = 30;
/** -x and +x: x extends over powers only, so -x**2 is -(x**2) and 2**-x is 2**(-x). */
export const SIGN_OPERAND = 70;
