import type { Span } from '../base/span.js';
import type { Graph, GraphNode, Pass } from './graph.js';
import type { OpName } from '../vocab/ops.js';

type NodeExtras = Pick<GraphNode, 'value' | 'text' | 'name' | 'gradOf' | 'whereMask'>;

/** Appends nodes in topological order, merging identical nodes of the same pass (common subexpressions). */
export class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  private readonly index = new Map<string, number>();

  add(op: OpName, inputs: number[], pass: Pass, span: Span, extras: NodeExtras = {}): number {
    const key = `${pass}|${op}|${inputs.join(',')}|${extras.text ?? ''}|${extras.name ?? ''}|${extras.whereMask?.branch ?? ''}`;
    const found = this.index.get(key);
    if (found !== undefined) return found;
    const id = this.nodes.length;
    this.nodes.push({ id, op, inputs, pass, span, ...extras });
    this.index.set(key, id);
    return id;
  }

  constant(text: string, pass: Pass, span: Span): number {
    return this.add('const', [], pass, span, { text, value: Number(text) });
  }

  finish(source: string, file: string | undefined, output: number, vars: string[], grads: Record<string, number>): Graph {
    return { source, file, nodes: this.nodes, output, vars, grads };
  }
}
