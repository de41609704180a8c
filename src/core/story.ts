import type { FormSpec } from './diagnose.js';

/** The loss from the user story, f(x) = 1/(1 - exp(-x)) - 1/x, with f(0) = 0.5 as its limit. */
export const STORY_REFERENCE = '1/(1-exp(-x)) - 1/x';

const naive = '1/(1-exp(-x)) - 1/x';

/**
 * A stable form, in the expression language itself. |x| < 2: the Bernoulli series
 * f = 1/2 + sum B(2k) x^(2k-1) / (2k)!, 16 terms (the next one is below 2^-54 of f at |x| = 2).
 * |x| >= 2: closed forms with e = exp(-|x|) <= exp(-2), which cannot overflow, cancel or divide by zero; x ** -1
 * instead of 1/x because TF's gradient of 1/x squares x (overflowing for |x| > 1.8e19 in float32), pow's uses x ** -2.
 * Each branch gets a safe input where it is not selected (the "double where"), so no where trap.
 */
const stable = `small = abs(x) < 2
xs = where(small, x, 0)
xl = where(small, 2, x)
u = xs * xs
series = 0.5 + xs * (8.333333333333333333333e-2 + u * (-1.388888888888888888889e-3 + u * (3.306878306878306878307e-5
  + u * (-8.267195767195767195767e-7 + u * (2.087675698786809897921e-8 + u * (-5.284190138687493184848e-10
  + u * (1.338253653068467883283e-11 + u * (-3.389680296322582866830e-13 + u * (8.586062056277844564136e-15
  + u * (-2.174868698558061873042e-16 + u * (5.509002828360229515203e-18 + u * (-1.395446468581252334071e-19
  + u * (3.534707039629467471693e-21 + u * (-8.953517427037546850403e-23 + u * (2.267952452337683060311e-24
  + u * -5.744790668872202445264e-26)))))))))))))))
e = exp(-abs(xl))
r = 1 / (1 - e)
closed = where(xl > 0, r - xl ** -1, -(xl ** -1) - e * r)
where(small, series, closed)`;

export const STORY_FORMS: FormSpec[] = [
  { name: 'naive', source: naive },
  { name: 'question: where |x| < 0.1', source: `where(abs(x) < 0.1, 0.5 + x/12, ${naive})` },
  {
    name: 'question: nested where',
    source: `where(abs(x) < 0.1, 0.5 + x/12, where(x < -10., -1/x, where(x > 10., 1 - 1/x, ${naive})))`,
  },
  { name: 'answer: where |x| < 1e-6', source: `where(abs(x) < 1e-6, 0.5 + x/12, ${naive})` },
  { name: 'stable', source: stable },
].map((f) => ({ ...f, reference: { source: STORY_REFERENCE } }));
