import type { Span } from '../base/span.js';
import { UserError } from '../base/user-error.js';
import { LIMITS } from './limits.js';
import type { Graph, GraphNode, Pass } from './graph.js';
import type { OpName } from '../vocab/ops.js';
import type { FrameworkId } from './frameworks/types.js';

type NodeExtras = Pick<GraphNode, 'value' | 'text' | 'name' | 'gradOf' | 'whereMask' | 'constant'>;

/** Appends nodes in topological order, merging identical nodes of the same pass (common subexpressions). */
export class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  private readonly index = new Map<string, number>();
  private forward = 0;
  private variables = 0;

  add(op: OpName, inputs: number[], pass: Pass, span: Span, extras: NodeExtras = {}): number {
    const key = `${pass}|${op}|${inputs.join(',')}|${extras.text ?? ''}|${extras.constant ?? ''}|${extras.name ?? ''}|${extras.whereMask?.branch ?? ''}`;
    const found = this.index.get(key);
    if (found !== undefined) return found;
    const id = this.nodes.length;
    if (pass === 'forward' && ++this.forward > LIMITS.forwardOps) {
      throw new UserError(`the expression has more than ${LIMITS.forwardOps} operations (after definitions are inlined)`, span, 'f-diagnose analyses one loss at a time: split it into parts and scan each');
    }
    if (op === 'var' && ++this.variables > LIMITS.variables) {
      throw new UserError(`the expression has more than ${LIMITS.variables} variables`, span, 'fix the others to constants, or scan a few variables at a time');
    }
    this.nodes.push({ id, op, inputs, pass, span, ...extras });
    this.index.set(key, id);
    return id;
  }

  constant(text: string, pass: Pass, span: Span, named?: 'pi' | 'e'): number {
    return this.add('const', [], pass, span, named ? { text, value: Number(text), constant: named } : { text, value: Number(text) });
  }

  finish(source: string, file: string | undefined, framework: FrameworkId, output: number, vars: string[], grads: Record<string, number>): Graph {
    return { source, framework, file, nodes: this.nodes, output, vars, grads };
  }
}
