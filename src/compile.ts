import { UserError } from './base/user-error.js';
import { buildGraph } from './graph/build.js';
import type { Graph } from './graph/graph.js';

import { parseProgram } from './parse/index.js';

/** Source text -> op graph with its backward (gradient) nodes. Throws UserError with a span and the source. */
export function compile(source: string, file?: string): Graph {
  try {
    return buildGraph(parseProgram(source, file));
  } catch (e) {
    if (e instanceof UserError && e.source === undefined) {
      e.source = source;
      e.file = file;
    }
    throw e;
  }
}
