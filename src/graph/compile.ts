import { UserError } from '../base/user-error.js';
import { parseProgram } from '../parse/index.js';
import { buildGraph } from './build.js';
import type { Graph } from './graph.js';
import type { GradTable } from './grads/table.js';
import { TFJS_GRADS } from './grads/tfjs.js';

export interface CompileOptions {
  /** The framework's gradient rules the backward graph is built with (default: TF.js's). */
  grads?: GradTable;
}

/** Source text -> op graph with its backward (gradient) nodes. Throws UserError with a span and the source. */
export function compile(source: string, file?: string, options: CompileOptions = {}): Graph {
  try {
    return buildGraph(parseProgram(source, file), options.grads ?? TFJS_GRADS);
  } catch (e) {
    if (e instanceof UserError) e.withSource(source, file);
    throw e;
  }
}
