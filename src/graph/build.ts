import { UserError } from '../base/user-error.js';
import { type Expr, type Program } from '../parse/ast.js';
import { type Span } from '../base/span.js';
import { GraphBuilder } from './builder.js';
import type { Graph } from './graph.js';
import { backprop } from './grads/backprop.js';
import type { Framework } from './frameworks/types.js';
import type { OpName } from '../vocab/ops.js';
import { OPS } from './ops.js';

const BINARY: Record<string, OpName> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '**': 'pow',
  '<': 'less', '<=': 'lessEqual', '>': 'greater', '>=': 'greaterEqual', '==': 'equal', '!=': 'notEqual',
  '&': 'logicalAnd', '|': 'logicalOr',
};

interface FunctionDef { params: string[]; body: Expr }
type Scope = ReadonlyMap<string, number>;

/** AST -> forward graph (definitions inlined, spans kept, shared subtrees merged) + TF-style backward graph. */
export function buildGraph(program: Program, framework: Framework): Graph {
  const b = new GraphBuilder();
  const functions = new Map<string, FunctionDef>();
  const vars: string[] = [];
  const globals = new Map<string, number>();
  const inlined = new Map<string, number>();
  let output = -1;

  const isBoolean = (id: number) => OPS[b.nodes[id]!.op].boolean === true;
  const expectNumber = (id: number, e: Expr) => {
    if (isBoolean(id)) throw new UserError('expected a number here, found a condition', e.span, 'wrap it in where(cond, a, b)');
    return id;
  };
  const expectCondition = (id: number, e: Expr) => {
    if (!isBoolean(id)) throw new UserError('expected a condition (a comparison) here', e.span, 'e.g. where(x < 0, a, b)');
    return id;
  };

  function build(e: Expr, scope: Scope): number {
    switch (e.kind) {
      case 'number':
        return b.constant(e.text, 'forward', e.span, e.constant);
      case 'name': {
        const bound = scope.get(e.name);
        if (bound !== undefined) return bound;
        if (!vars.includes(e.name)) vars.push(e.name);
        return b.add('var', [], 'forward', e.span, { name: e.name });
      }
      case 'unary': {
        const arg = build(e.arg, scope);
        if (e.op === '+') return expectNumber(arg, e.arg);
        if (e.op === '~') return b.add('logicalNot', [expectCondition(arg, e.arg)], 'forward', e.span);
        return b.add('neg', [expectNumber(arg, e.arg)], 'forward', e.span);
      }
      case 'binary': {
        const op = BINARY[e.op]!;
        const l = build(e.left, scope);
        const r = build(e.right, scope);
        const logic = OPS[op].kind === 'logic';
        const check = logic ? expectCondition : expectNumber;
        return b.add(op, [check(l, e.left), check(r, e.right)], 'forward', e.span);
      }
      case 'call':
        return buildCall(e, scope);
    }
  }

  function buildCall(e: Extract<Expr, { kind: 'call' }>, scope: Scope): number {
    const op = e.op;
    if (op === null) {
      // Inlined, and shared: the same function on the same argument nodes is the same subgraph (hash-consing), so a
      // definition that calls the previous one twice costs one more level, not twice the work.
      const fn = functions.get(e.callee)!;
      const args = e.args.map((a) => build(a, scope));
      const key = `${e.callee}(${args.join(',')})`;
      const known = inlined.get(key);
      if (known !== undefined) return known;
      const inner = new Map(globals);
      fn.params.forEach((p, i) => inner.set(p, args[i]!));
      const id = build(fn.body, inner);
      inlined.set(key, id);
      return id;
    }
    const args = e.args.map((a) => build(a, scope));
    if (op === 'where') {
      return b.add(op, [expectCondition(args[0]!, e.args[0]!), expectNumber(args[1]!, e.args[1]!), expectNumber(args[2]!, e.args[2]!)], 'forward', e.span);
    }
    if (op === 'clip' || op === 'leakyRelu') {
      for (const i of op === 'clip' ? [1, 2] : [1]) {
        const folded = constantFold(args[i]!);
        if (folded === undefined) {
          if (op === 'leakyRelu') throw new UserError('the slope of leaky_relu must not depend on a variable', e.args[i]!.span, 'the frameworks take the slope as a constant attribute');
          throw new UserError('clip bounds must not depend on a variable', e.args[i]!.span, 'TF clip_by_value takes constant bounds; use minimum/maximum for expressions');
        }
        args[i] = folded;
      }
    }
    const check = OPS[op].kind === 'logic' ? expectCondition : expectNumber;
    args.forEach((id, i) => check(id, e.args[i]!));
    return b.add(op, args, 'forward', e.span);
  }

  /**
   * A clip bound without variables becomes one constant, computed in float64 as Python computes `1 - 1e-7` before TF
   * converts it (TF.js's clipByValue takes plain numbers). A lone literal keeps its exact text; `-c` becomes "-c".
   */
  function constantFold(id: number): number | undefined {
    const node = b.nodes[id]!;
    if (node.op === 'const') return id;
    const inner = node.op === 'neg' ? b.nodes[node.inputs[0]!]! : undefined;
    if (inner?.op === 'const') return b.constant(inner.text!.startsWith('-') ? inner.text!.slice(1) : `-${inner.text}`, 'forward', node.span);
    const value = evaluateConstant(id);
    return value === undefined ? undefined : b.constant(String(value), 'forward', node.span);
  }

  /** The float64 value of a node without variables, or undefined; nodes are in topological order, so one loop. */
  function evaluateConstant(id: number): number | undefined {
    const values: Array<number | undefined> = [];
    for (let k = 0; k <= id; k++) {
      const node = b.nodes[k]!;
      const inputs = node.inputs.map((i) => values[i]);
      values[k] = node.op === 'var' ? undefined
        : node.op === 'const' ? node.value!
        : inputs.some((v) => v === undefined) ? undefined
        : OPS[node.op].f64(inputs[0]!, inputs[1] ?? 0, inputs[2] ?? 0);
    }
    return values[id];
  }

  for (const st of program.statements) {
    if (st.kind === 'def') functions.set(st.name, { params: st.params, body: st.body });
    else if (st.kind === 'let') globals.set(st.name, build(st.body, globals));
    else output = expectNumber(build(st.body, globals), st.body);
  }
  if (output < 0) {
    const end: Span = { start: program.source.length, end: program.source.length, line: 1, column: 1 };
    throw new UserError('the last statement must be the expression under test', end);
  }
  const gradIds = backprop(b, output, vars, framework.grads);
  return b.finish(program.source, program.file, framework.id, output, vars, gradIds);
}
