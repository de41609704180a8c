/** Bit-level helpers on BigInt: length, absolute value, integer square root. */

const TWO53 = 2 ** 53;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // little-endian: u32[1] holds sign, exponent and the top mantissa bits

/** Number of bits of |x| (0 for 0). Reads the exponent of Number(x); only a rounding up to a power of two needs an
 *  exact check. */
export function bitLen(x: bigint): number {
  if (x < 0n) x = -x;
  if (x === 0n) return 0;
  if (Number(x) !== Infinity) return doubleBitLen(x);
  // x >= 2^1024: shift 1000 bits at a time until Number() holds it (cheaper than a hex string, and less garbage)
  let y = x >> 1000n;
  let s = 1000;
  while (Number(y) === Infinity) {
    y >>= 1000n;
    s += 1000;
  }
  return s + doubleBitLen(y);
}

/** bitLen of 0 < x < 2^1024, from the exponent of Number(x). */
function doubleBitLen(x: bigint): number {
  const n = Number(x);
  if (n < 4294967296) return 32 - Math.clz32(n);
  f64[0] = n;
  const hi = u32[1]!;
  const expo = ((hi >>> 20) & 0x7ff) - 1023;
  if (n >= TWO53 && (hi & 0xfffff) === 0 && u32[0] === 0) return x >> BigInt(expo) === 0n ? expo : expo + 1;
  return expo + 1;
}

export function absB(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** Integer square root: floor(sqrt(n)) for n >= 0. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  const bl = bitLen(n);
  const k = bl > 100 ? BigInt((bl - 100) >> 1) : 0n;
  const v = Math.sqrt(Number(n >> (2n * k)));
  // Start above the root (Newton from above decreases monotonically to floor(sqrt(n))).
  let x = (BigInt(Math.ceil(v * (1 + 2 ** -40))) + 1n) << k;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
