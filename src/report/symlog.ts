/**
 * A signed log-magnitude axis for floats that span both signs and hundreds of decades: t(x) = sign(x) (log10|x| -
 * log10(floor) + 1) for |x| >= floor, 0 at 0 (and inside the floor), so every decade gets the same width on each
 * side and 0 sits in the middle. `floor` is the smallest nonzero magnitude drawn (1e-45 or the data's smallest).
 */
export function symlog(x: number, floor: number): number {
  if (x === 0 || Math.abs(x) < floor) return 0;
  return Math.sign(x) * (Math.log10(Math.abs(x)) - Math.log10(floor) + 1);
}

/** The smallest nonzero finite magnitude among the points (1 when there is none). */
export function floorOf(xs: readonly number[]): number {
  let floor = Infinity;
  for (const x of xs) if (x !== 0 && Number.isFinite(x)) floor = Math.min(floor, Math.abs(x));
  return Number.isFinite(floor) ? floor : 1;
}
