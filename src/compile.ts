import { buildGraph } from './graph/build.js';
import type { Graph } from './graph/graph.js';
import { ParseError } from './parse/ast.js';
import { parseProgram } from './parse/index.js';

/** Source text -> op graph with its backward (gradient) nodes. Throws ParseError with a span and the source. */
export function compile(source: string, file?: string): Graph {
  try {
    return buildGraph(parseProgram(source, file));
  } catch (e) {
    if (e instanceof ParseError && e.source === undefined) {
      e.source = source;
      e.file = file;
    }
    throw e;
  }
}
