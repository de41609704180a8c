import { valueText } from '../base/numbers.js';
import type { FloatArray } from '../backends/float.js';
import type { FloatFormat } from '../base/float-format.js';
import type { GraphNode } from '../graph/graph.js';
import type { FormatLimits } from '../base/float-format.js';
import type { HazardKind } from '../vocab/hazards.js';
import type { OpInfo } from '../graph/ops.js';

export interface RuleContext {
  node: GraphNode;
  info: OpInfo;
  inputs: FloatArray[];
  out: FloatArray;
  format: FloatFormat;
  limits: FormatLimits;
  /** 1 where this node's value is a zero that comes from where's mask (the unselected branch's gradient). */
  maskedZero: (nodeId: number) => Uint8Array;
  cancellationBits: number;
  /** Whether node `id`'s value is built on the upstream gradient dy (false for forward values and for local gradient
   * factors computed from them alone, such as sqrt(x) * 2 in sqrt's rule). */
  carriesDy: (id: number) => boolean;
}

/** Which output class a rule looks at, so the driver only calls it where it can fire. */
export type OutputClass = 'nan' | 'inf' | 'finite';

export interface Detector {
  meta: {
    id: HazardKind;
    /** Short name shown in reports, e.g. "0 * inf". */
    title: string;
    description: string;
    /** How to avoid it, shown under a finding. */
    fix: string;
    severity: 'error' | 'warning';
  };
  on: OutputClass;
  /** Cheap per-node filter; `inputsExact`: every input is exact at every point (exact-nodes.ts). */
  applies?: (node: GraphNode, info: OpInfo, inputsExact: boolean) => boolean;
  /**
   * Whether the hazard happens at point i: false, true, or (cancellation) the bits lost. Cheap and allocation-free:
   * it runs at every op of both passes at every sample.
   */
  check: (ctx: RuleContext, i: number) => boolean | number;
  /** What happened, in words ("exp(100.5) = inf"), made only for the events a report shows (default: describe). */
  detail?: (ctx: RuleContext, i: number) => string;
}

export function defineDetector(rule: Detector): Detector {
  return rule;
}

export const inputsFinite = (ctx: RuleContext, i: number): boolean => ctx.inputs.every((a) => Number.isFinite(a[i]!));
export const noInputNaN = (ctx: RuleContext, i: number): boolean => ctx.inputs.every((a) => !Number.isNaN(a[i]!));

/** "exp(100.5) = inf", "1 / 0 = inf" */
export function describe(ctx: RuleContext, i: number): string {
  const args = ctx.inputs.map((a) => valueText(a[i]!));
  const out = valueText(ctx.out[i]!);
  return `${applied(ctx.info.display, args)} = ${out}`;
}

/** An op applied to its arguments as text: "exp(100.5)", "2.37e27 ** 2" (displays with operands: "a ** b"), "-(3)". */
export function applied(display: string, args: readonly string[]): string {
  if (display === '-a') return `-(${args[0]})`;
  const binary = /^a (\S+) b$/.exec(display);
  if (binary && args.length === 2) return `${args[0]} ${binary[1]} ${args[1]}`;
  return `${display}(${args.join(', ')})`;
}
