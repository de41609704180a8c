import type { OpName } from '../../vocab/ops.js';

/** A node of the graph under construction (its id). */
export type Ref = number;

/** Ops that take inputs, as functions that append a backward node: g.mul(g.dy, g.exp(x)). */
export type OpCalls = { readonly [K in Exclude<OpName, 'const' | 'var'>]: (...inputs: Ref[]) => Ref };

/** What a gradient rule sees of one forward node, in the notation of tfjs-core's gradients/*_grad.ts. */
export interface GradContext extends OpCalls {
  /** The upstream gradient dy. */
  readonly dy: Ref;
  /** The forward node's inputs, and its output y. */
  readonly x: readonly Ref[];
  readonly y: Ref;
  /** A constant, from its exact decimal text: g.num('1'). */
  num(text: string): Ref;
  /** dy * cast(mask), marked as where's mask multiply for the where-trap detector (TF.js, JAX's mask multiplies). */
  masked(mask: Ref, branch: 'then' | 'else'): Ref;
  /** keep(dy, mask): where(mask, dy, 0), a select, marked for the where-trap detector (TF's where_v2, torch's where). */
  selected(mask: Ref, branch: 'then' | 'else'): Ref;
  /** The exact text of a constant written in the user's expression (e.g. "2" or "2.0"), else undefined. */
  literal(ref: Ref): string | undefined;
}

/** One thunk per input, called only for inputs on a path to a variable (as TF's backprop does); null: no gradient. */
export type GradRule = (g: GradContext) => ReadonlyArray<(() => Ref) | null>;

/**
 * A framework's gradient rules: one per op (the Record type makes the compiler demand every op). The table is a
 * parameter of compile() and backprop(), so each framework brings its own.
 */
export interface GradTable {
  /** Which framework and version the rules are taken from, e.g. "TensorFlow.js 4.22 (tfjs-core/src/gradients)". */
  readonly source: string;
  readonly rules: Readonly<Record<OpName, GradRule>>;
}
