import { UserError } from '../base/user-error.js';
import { parseProgram } from '../parse/index.js';
import { buildGraph } from './build.js';
import { DEFAULT_FRAMEWORK, FRAMEWORKS, type FrameworkId } from './frameworks/index.js';
import type { Graph } from './graph.js';

export interface CompileOptions {
  /** Whose gradient rules build the backward graph and whose forward kernels evaluate it (default: tf). */
  framework?: FrameworkId;
}

/** Source text -> op graph with its backward (gradient) nodes. Throws UserError with a span and the source. */
export function compile(source: string, file?: string, options: CompileOptions = {}): Graph {
  try {
    return buildGraph(parseProgram(source, file), FRAMEWORKS[options.framework ?? DEFAULT_FRAMEWORK]);
  } catch (e) {
    if (e instanceof UserError) e.withSource(source, file);
    throw e;
  }
}
