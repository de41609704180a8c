import { JAX } from './jax.js';
import { TF } from './tf.js';
import { TFJS } from './tfjs.js';
import { TORCH } from './torch.js';
import type { Framework, FrameworkId } from './types.js';

export type { Framework, FrameworkId, ForwardSwitches } from './types.js';

export const FRAMEWORKS: Readonly<Record<FrameworkId, Framework>> = { tf: TF, torch: TORCH, jax: JAX, tfjs: TFJS };
export const FRAMEWORK_IDS: readonly FrameworkId[] = ['tf', 'torch', 'jax', 'tfjs'];
/** The default: TensorFlow (the story's framework and Keras's default backend). */
export const DEFAULT_FRAMEWORK: FrameworkId = 'tf';

export function isFrameworkId(s: string): s is FrameworkId {
  return (FRAMEWORK_IDS as readonly string[]).includes(s);
}

/** "TensorFlow 2.21.0": what a report says a result is for. */
export function frameworkLabel(id: FrameworkId): string {
  const f = FRAMEWORKS[id];
  return `${f.name} ${f.version}`;
}
