#!/usr/bin/python3
"""mpmath's points/s on the bench points of bench/truth.ts (value and derivative of the story loss and of
src/story.ts's stable form), each point by a digit ladder 20, 40, 80, ... until two rungs agree on the
correctly rounded float of both quantities.

    node dist/bench/truth.js --points > /tmp/truth-points.json
    /usr/bin/python3 bench/truth-vs-mpmath.py /tmp/truth-points.json
"""
import json, sys, time
import mpmath
from mpmath import mp, mpf

SERIES = ['0.5', '8.333333333333333333333e-2', '-1.388888888888888888889e-3', '3.306878306878306878307e-5',
          '-8.267195767195767195767e-7', '2.087675698786809897921e-8', '-5.284190138687493184848e-10',
          '1.338253653068467883283e-11', '-3.389680296322582866830e-13', '8.586062056277844564136e-15',
          '-2.174868698558061873042e-16', '5.509002828360229515203e-18', '-1.395446468581252334071e-19',
          '3.534707039629467471693e-21', '-8.953517427037546850403e-23', '2.267952452337683060311e-24',
          '-5.744790668872202445264e-26']


def naive(x):
    if x == 0:
        return mpf(1) / 2, mpf(1) / 12
    e = mpmath.exp(-x)
    d = 1 - e
    return 1 / d - 1 / x, 1 / x ** 2 - e / d ** 2


def stable(x):
    if abs(x) < 2:
        # 0.5 + x (c1 + u (c2 + ...)), u = x^2: p(x) = 0.5 + x q(u), p' = q(u) + 2 x^2 q'(u)
        cs = [mpf(c) for c in SERIES[1:]]
        u = x * x
        q = mpf(0)
        dq = mpf(0)
        for c in reversed(cs):
            dq = dq * u + q
            q = q * u + c
        return mpf(SERIES[0]) + x * q, q + 2 * u * dq
    e = mpmath.exp(-abs(x))
    r = 1 / (1 - e)
    if x > 0:
        return r - 1 / x, 1 / x ** 2 - e * r * r
    return -1 / x - e * r, 1 / x ** 2 - e * r * (1 + e * r)


def rounded(v, fmt):
    if fmt == 'float64':
        return float(v)
    with mpmath.workprec(24):
        return float(+v)


def ladder(f, x, fmt):
    prev = None
    dps = 20
    while True:
        mp.dps = dps
        try:
            value, grad = f(mpf(x))
            now = (rounded(value, fmt), rounded(grad, fmt))
        except ZeroDivisionError:  # 1 - exp(-x) rounded to 0 at this precision
            now = None
        if now is not None and now == prev:
            return now
        prev = now
        dps *= 2
        if dps > 20000:
            return now


def main():
    points = json.load(open(sys.argv[1]))
    for name, f in [('story', naive), ('stable', stable)]:
        for fmt in ['float64', 'float32']:
            xs = points[fmt]
            t0 = time.perf_counter()
            c0 = time.process_time()
            for x in xs:
                ladder(f, x, fmt)
            s = time.perf_counter() - t0
            cs = time.process_time() - c0
            print(f'mpmath {name} {fmt}: {len(xs)} points in {s:.2f} s = {len(xs) / s:.0f} points/s'
                  f' (cpu {cs:.2f} s = {len(xs) / cs:.0f} points/s)')


main()
