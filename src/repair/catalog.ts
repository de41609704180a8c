/**
 * The rewrite catalog, as data. Each entry: a pattern and a replacement in f-diagnose's own language (names are
 * metavariables bound to sub-expressions), conditions on the bindings, why it is more stable, and, when the
 * replacement is not the same function, where the values change. The proof (prove.ts) checks every candidate
 * against the original's truth; an entry is a proposal, never trusted.
 */
export type Condition =
  /** The binding is not a literal number (a rewrite for a constant gains nothing). */
  | { notConstant: string };

export interface Rewrite {
  name: string;
  pattern: string;
  replacement: string;
  conditions?: Condition[];
  why: string;
  /** Set when the replacement is a different function somewhere in range: where, said for the user. */
  changes?: string;
}

/**
 * sqrt(a^2 + b^2) without overflow or underflow in the squares: scaled by a power of two s chosen from
 * m = max(|a|, |b|) by comparisons only, so s has no gradient (dividing by m itself would put m's square in TF's
 * gradient of the division, which overflows). The levels keep m / s within 2^-79 .. 2^63 in float32 and
 * 2^-474 .. 2^424 in float64; in float32 the float64-only constants round to inf or 0 and their comparisons are
 * never true. The zero gets its own branch (sqrt's gradient at 0 is infinite); the double where makes it safe.
 */
const hypot = (a: string, b: string) => {
  const m = `maximum(abs(${a}), abs(${b}))`;
  const p = (k: number) => POW2[k]!;
  const scale = `where(${m} > ${p(600)}, ${p(600)}, where(${m} > ${p(300)}, ${p(300)}, where(${m} > ${p(60)}, ${p(70)}, ` +
    `where(${m} < ${p(-300)}, ${p(-600)}, where(${m} < ${p(-60)}, ${p(-100)}, 1)))))`;
  return `where(${m} == 0, 0, ${scale} * sqrt(square(${a} / ${scale}) + square(${b} / ${scale})))`;
};

/** Powers of two as the shortest decimal that parses to them exactly (in float64; in float32 too where in range). */
const POW2: Record<number, string> = Object.fromEntries([600, 300, 70, 60, -60, -100, -300, -600].map((k) => [k, String(2 ** k)]));

const squares = (a: string) => [`${a} * ${a}`, `${a} ** 2`, `square(${a})`];

export const CATALOG: readonly Rewrite[] = [
  { name: 'log1p', pattern: 'log(1 + x)', replacement: 'log1p(x)', conditions: [{ notConstant: 'x' }], why: 'log(1 + x) rounds 1 + x first and loses the digits of a small x' },
  { name: 'expm1', pattern: 'exp(x) - 1', replacement: 'expm1(x)', why: 'exp(x) - 1 cancels near x = 0' },
  { name: '1 - exp', pattern: '1 - exp(x)', replacement: '-expm1(x)', why: '1 - exp(x) cancels near x = 0' },
  { name: '1/(1-exp(-x))', pattern: '1 / (1 - exp(-x))', replacement: '-1 / expm1(-x)', why: '1 - exp(-x) cancels near 0' },
  {
    name: '1/(1-exp(-x)) by sign',
    pattern: '1 / (1 - exp(-x))',
    replacement: 'where(x < 0, exp(x) / expm1(x), -1 / expm1(-x))',
    why: 'two regimes, each with exp of a non-positive number: no cancellation near 0, no overflow of exp(-x) (whose gradient is 0 * inf) for x < -88 (float32) or -709 (float64)',
  },
  { name: '1 - cos', pattern: '1 - cos(x)', replacement: '2 * square(sin(x / 2))', why: '1 - cos(x) cancels near 0 (and its relative error there is total below 1e-8 in float64)' },
  { name: 'softplus', pattern: 'log(1 + exp(x))', replacement: 'softplus(x)', why: 'exp(x) overflows for large x; softplus does not' },
  {
    name: 'softplus by sign',
    pattern: 'log(1 + exp(x))',
    replacement: 'where(x > 0, x + log1p(exp(-x)), log1p(exp(x)))',
    why: 'exp(x) overflows for large x; and the gradient of a softplus kernel is sigmoid(x), which underflows to 0 while exp(x) is still a subnormal',
  },
  { name: 'softplus (log1p)', pattern: 'log1p(exp(x))', replacement: 'softplus(x)', why: 'exp(x) overflows for large x; softplus does not' },
  { name: 'sigmoid (exp ratio)', pattern: 'exp(x) / (1 + exp(x))', replacement: 'sigmoid(x)', why: 'exp(x) overflows for large x: inf / inf' },
  {
    name: 'sigmoid by sign',
    pattern: 'exp(x) / (1 + exp(x))',
    replacement: 'where(x > 0, 1 / (1 + exp(-x)), exp(x) / (1 + exp(x)))',
    why: 'exp of a non-positive number only: no inf / inf for large x, and no 1 / (1 + inf) = 0 where the exact value is a subnormal',
  },
  {
    name: 'a/(exp(x)-1) by sign',
    pattern: 'a / (exp(x) - 1)',
    replacement: 'where(x > 0, a * exp(-x) / -expm1(-x), a / expm1(x))',
    why: 'exp(x) - 1 cancels near 0 and overflows for large x; by sign, exp only sees non-positive numbers',
  },
  { name: 'times sigmoid', pattern: 'a / (1 + exp(-x))', replacement: 'a * sigmoid(x)', why: 'exp(-x) overflows for x < -88 (float32): a / inf, and its gradient 0 * inf' },
  { name: 'sigmoid', pattern: '1 / (1 + exp(-x))', replacement: 'sigmoid(x)', why: 'exp(-x) overflows for x < -88 (float32), its gradient is 0 * inf' },
  { name: 'log sigmoid', pattern: 'log(sigmoid(x))', replacement: '-softplus(-x)', why: 'sigmoid(x) underflows to 0 for very negative x, and log(0) = -inf' },
  {
    name: 'log sigmoid by sign',
    pattern: 'log(sigmoid(x))',
    replacement: 'where(x < 0, x - log1p(exp(x)), -log1p(exp(-x)))',
    why: 'sigmoid(x) underflows to 0 for very negative x (log(0) = -inf), and its own gradient underflows where exp(-x) is a subnormal; log1p of exp of a non-positive number does neither',
  },
  { name: 'log(1 - sigmoid)', pattern: 'log(1 - sigmoid(x))', replacement: '-softplus(x)', why: '1 - sigmoid(x) cancels to 0 for large x, and log(0) = -inf' },
  {
    name: 'log(1 - sigmoid) by sign',
    pattern: 'log(1 - sigmoid(x))',
    replacement: 'where(x > 0, -x - log1p(exp(-x)), -log1p(exp(x)))',
    why: '1 - sigmoid(x) cancels to 0 for large x; log1p of exp of a non-positive number does not',
  },
  {
    name: 'logaddexp',
    pattern: 'log(exp(a) + exp(b))',
    replacement: 'where(a > b, a + softplus(b - a), b + softplus(a - b))',
    why: 'exp overflows above 88 (float32) or 709 (float64) and underflows to log(0) below; shifted by the larger argument, softplus sees only non-positive numbers',
  },
  {
    name: 'logaddexp (log1p)',
    pattern: 'log(exp(a) + exp(b))',
    replacement: 'where(a > b, a + log1p(exp(b - a)), b + log1p(exp(a - b)))',
    why: 'shifted by the larger argument, exp sees only non-positive numbers; log1p(exp(u)) keeps its gradient exp(u) / (1 + exp(u)) where a softplus kernel\'s sigmoid underflows to 0',
  },
  {
    name: 'logaddexp (max shift)',
    pattern: 'log(exp(a) + exp(b))',
    replacement: 'maximum(a, b) + log1p(exp(-abs(a - b)))',
    why: 'the textbook max shift: no overflow; its gradient at a == b follows the framework\'s rules for maximum and abs',
  },
  ...squares('a').flatMap((a2) => squares('b').map((b2) => ({
    name: 'hypot',
    pattern: `sqrt(${a2} + ${b2})`,
    replacement: hypot('a', 'b'),
    why: 'the squares overflow (or underflow) long before the result does; scaled by the larger magnitude they cannot, and the zero gets a finite gradient',
  }))),
  ...squares('x').map((x2) => ({
    name: 'sqrt of a square',
    pattern: `sqrt(${x2})`,
    replacement: 'abs(x)',
    why: 'sqrt(x^2) is |x|, but its gradient through sqrt is 2x / (2 sqrt(x^2)) = 0 / 0 at x = 0 (NaN), and x^2 overflows for |x| > 1.8e19 (float32); abs has neither',
  })),
  ...squares('x').flatMap((x2) => [
    {
      name: 'sqrt(1+x^2)-1',
      pattern: `sqrt(1 + ${x2}) - 1`,
      replacement: `${x2} / (sqrt(1 + ${x2}) + 1)`,
      why: 'sqrt(1 + x^2) - 1 cancels for small x; multiplied by the conjugate it does not',
    },
    {
      name: 'sqrt(1+x^2)-1 by size',
      pattern: `sqrt(1 + ${x2}) - 1`,
      replacement: 'where(abs(x) < 1, square(x) / (sqrt(1 + square(x)) + 1), abs(x) * sqrt(1 + square(1 / x)) - 1)',
      why: 'small x: the conjugate form (no cancellation); large x: |x| sqrt(1 + 1/x^2), whose square cannot overflow',
    },
  ]),
  {
    name: 'sqrt(1+x)-1',
    pattern: 'sqrt(1 + x) - 1',
    replacement: 'x / (sqrt(1 + x) + 1)',
    conditions: [{ notConstant: 'x' }],
    why: 'sqrt(1 + x) - 1 cancels for small x; multiplied by the conjugate it does not',
  },
  {
    name: 'log cosh by size',
    pattern: 'log(cosh(x))',
    replacement: 'where(abs(x) < 1, log1p(2 * square(sinh(x / 2))), abs(x) + softplus(-2 * abs(x)) - log(2))',
    why: 'cosh(x) overflows for |x| > 89 (float32) or 710 (float64), and rounds to 1 for tiny x (log(1) = 0 where the exact value is x^2 / 2); cosh(x) - 1 = 2 sinh(x/2)^2 keeps the small ones, |x| + log(1 + e^(-2|x|)) - log 2 the large ones',
  },
  {
    name: 'reciprocal by power',
    pattern: '1 / x',
    replacement: 'x ** -1',
    conditions: [{ notConstant: 'x' }],
    why: "TF's gradient of 1 / x squares x (overflow for |x| > 1.8e19 in float32, then a zero gradient); pow's uses x ** -2",
  },
  {
    name: 'reciprocal by power',
    pattern: 'c / x',
    replacement: 'c * x ** -1',
    conditions: [{ notConstant: 'x' }],
    why: "TF's gradient of c / x squares x (overflow for |x| > 1.8e19 in float32, then a zero gradient); pow's uses x ** -2",
  },
  {
    name: 'cross-entropy clip',
    pattern: 'y * log(p) + (1 - y) * log(1 - p)',
    replacement: 'y * log(clip(p, 1e-7, 1 - 1e-7)) + (1 - y) * log(1 - clip(p, 1e-7, 1 - 1e-7))',
    why: 'log(0) = -inf and its gradient 1/0 when a probability saturates',
    changes: 'the values change where p < 1e-7 or p > 1 - 1e-7 (clipped), and the gradient there is 0; the logits form (softplus) avoids this but changes the interface',
  },
];
