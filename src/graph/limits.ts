/**
 * What one scan can take. A loss is a few dozen to a few hundred ops in a handful of variables; these bounds are far
 * above that and keep a hostile input (10,000 lines of bindings, 300 variables) to a clear message instead of minutes
 * of work and gigabytes of memory.
 */
export const LIMITS = {
  /** Forward ops after definitions are inlined and shared subtrees merged. */
  forwardOps: 4096,
  /** Variables of one expression. */
  variables: 32,
} as const;

/** Samples per variable, for scan, check and a config (10^6 runs in linear time; beyond it memory is the limit). */
export const MAX_SAMPLES = 1_000_000;
