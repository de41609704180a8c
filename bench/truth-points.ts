/** The bench points shared by bench/truth.ts and bench/truth-vs-mpmath.py: log-uniform |x|, both signs, plus 0. */
export function benchPoints(format: 'float32' | 'float64', n = 4096): number[] {
  // a Weyl sequence (no RNG state to share across languages); float32 points stay inside its normal range
  const [lo, hi] = format === 'float64' ? [-300, 300] : [-37, 38];
  const golden = 0.6180339887498949;
  const out = [0];
  for (let i = 1; i < n; i++) {
    const u = (i * golden) % 1;
    const x = (i % 2 ? 1 : -1) * 10 ** (lo + (hi - lo) * u);
    out.push(format === 'float32' ? Math.fround(x) : x);
  }
  return out;
}
