// Exact powers of two, built by repeated doubling and halving (every step is exact), and exact binary exponents.

const BIAS = 1074;
const TABLE: Float64Array = (() => {
  const t = new Float64Array(1074 + 1024);
  t[BIAS] = 1;
  for (let e = 1; e <= 1023; e++) t[BIAS + e] = t[BIAS + e - 1]! * 2;
  for (let e = -1; e >= -1074; e--) t[BIAS + e] = t[BIAS + e + 1]! / 2;
  return t;
})();

/** 2^e for an integer -1074 <= e <= 1023 (exact), 0 below, Infinity above. */
export function pow2(e: number): number {
  if (e < -1074) return 0;
  if (e > 1023) return Infinity;
  return TABLE[BIAS + e]!;
}

/** floor(log2 |x|) exactly, for finite x != 0. */
export function exponentOf(x: number): number {
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  if (e > 1023) e = 1023;
  if (e < -1074) e = -1074;
  while (pow2(e) > a) e--;
  while (e < 1023 && pow2(e + 1) <= a) e++;
  return e;
}
