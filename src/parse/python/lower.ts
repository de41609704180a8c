import { UserError } from '../../base/user-error.js';
import type { Span } from '../../base/span.js';
import type { BinaryOperator, Expr } from '../ast.js';
import { lowerCall } from './calls.js';
import { numberText, stringValue } from './literals.js';
import type { PyFunction, PyModule } from './module.js';
import type { PyNote } from './notes.js';
import { DTYPES, FINFO, MODULE_CONSTANTS } from './spellings.js';
import { children, commaGroups, meaningful, spanOfNode, textOf, type SyntaxNode } from './syntax.js';
import { constantOf, exprValue, spanOfValue, truthy, type Value } from './values.js';

export type Env = Map<string, Value>;

/** The state of reading one function: the module, notes for the report, the functions being inlined. */
export interface Ctx {
  module: PyModule;
  notes: PyNote[];
  active: string[];
  moduleValues: Map<string, Value>;
  moduleActive: Set<string>;
}

const BUILTINS = new Set(['abs', 'max', 'min', 'pow', 'float', 'round', 'sum', 'int', 'len', 'print', 'range', 'isinstance']);
const ARITH: Readonly<Record<string, BinaryOperator>> = { '+': '+', '-': '-', '*': '*', '/': '/', '**': '**' };
const COMPARE: Readonly<Record<string, BinaryOperator>> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '==', '!=': '!=' };
const REFUSED_EXPRESSIONS: Readonly<Record<string, string>> = {
  LambdaExpression: 'a lambda',
  ArrayComprehensionExpression: 'a list comprehension',
  DictionaryComprehensionExpression: 'a dict comprehension',
  SetComprehensionExpression: 'a set comprehension',
  ComprehensionExpression: 'a generator expression',
  DictionaryExpression: 'a dict',
  SetExpression: 'a set',
  AwaitExpression: 'await',
  YieldExpression: 'yield',
  FormatString: 'an f-string',
};
const REFUSED_STATEMENTS: Readonly<Record<string, string>> = {
  ForStatement: "a 'for' loop",
  WhileStatement: "a 'while' loop",
  ClassDefinition: 'a class',
  FunctionDefinition: 'a nested function',
  DecoratedStatement: 'a nested function',
  TryStatement: "'try'",
  WithStatement: "'with'",
  GlobalStatement: "'global'",
  NonlocalStatement: "'nonlocal'",
  DeleteStatement: "'del'",
  MatchStatement: "'match'",
};

export class Lowering {
  constructor(readonly ctx: Ctx) {}

  private span(node: SyntaxNode): Span {
    return spanOfNode(this.ctx.module.tree, node);
  }

  private text(node: SyntaxNode): string {
    return textOf(this.ctx.module.tree, node);
  }

  /** Inlines a function of the file with its parameters bound; the value it returns. */
  callFunction(fn: PyFunction, bindings: Env, at: Span): Value {
    if (this.ctx.active.includes(fn.name)) throw new UserError(`'${fn.name}' calls itself: recursion is not supported`, at);
    this.ctx.active.push(fn.name);
    try {
      const result = this.block(fn.body, bindings);
      if (result === undefined) throw new UserError(`'${fn.name}' does not return a value`, this.span(fn.nameNode), "end it with 'return <the loss>'");
      return result;
    } finally {
      this.ctx.active.pop();
    }
  }

  /** Runs the statements of a Body; the returned value, or undefined when it falls off the end. */
  block(body: SyntaxNode, env: Env): Value | undefined {
    for (const s of children(body)) {
      if (s.name === ':' || s.name === 'Comment') continue;
      const r = this.statement(s, env);
      if (r !== undefined) return r;
    }
    return undefined;
  }

  private statement(s: SyntaxNode, env: Env): Value | undefined {
    switch (s.name) {
      case 'PassStatement':
      case 'AssertStatement':
        return undefined;
      case 'ExpressionStatement': {
        const inner = meaningful(s)[0];
        if (inner?.name === 'CallExpression') {
          const callee = inner.firstChild;
          const method = callee?.name === 'MemberExpression' ? callee.lastChild : null;
          if (method && /_$/.test(this.text(method)) && !/^__/.test(this.text(method))) {
            throw new UserError(`the in-place method '${this.text(method)}' is not supported`, this.span(method), `assign the result instead: x = x.${this.text(method).slice(0, -1)}(...)`);
          }
        }
        return undefined; // a docstring or a call for its side effect (print): no part of the value
      }
      case 'ImportStatement':
        throw new UserError('an import inside a function is not supported', this.span(s), 'move it to the top of the file');
      case 'AssignStatement':
        this.assign(s, env);
        return undefined;
      case 'UpdateStatement':
        this.update(s, env);
        return undefined;
      case 'IfStatement':
        return this.ifStatement(s, env);
      case 'ReturnStatement': {
        const values = commaGroups(children(s).slice(1));
        if (values.length === 0) throw new UserError("'return' without a value", this.span(s));
        return values.length === 1 ? this.expr(values[0]![0]!, env) : { kind: 'tuple', items: values.map((g) => this.expr(g[0]!, env)), span: this.span(s) };
      }
      case 'RaiseStatement':
        throw new UserError('the function raises an exception here for these arguments', this.span(s));
      default: {
        const what = REFUSED_STATEMENTS[s.name] ?? `this statement (${s.name})`;
        const data = s.name === 'ForStatement' || s.name === 'WhileStatement' ? ': a loop cannot be lowered to one elementwise formula' : '';
        throw new UserError(`${what} is not supported${data}`, this.span(s), 'f-diagnose reads a loss written as straight-line code with returns, assignments and if/else on constants');
      }
    }
  }

  private ifStatement(s: SyntaxNode, env: Env): Value | undefined {
    const parts = children(s);
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p.name === 'if' || p.name === 'elif') {
        const condNode = parts[i + 1]!;
        const cond = this.expr(condNode, env);
        const c = constantOf(cond);
        if (c === undefined) {
          throw new UserError(`'${p.name}' on a value that depends on the inputs cannot be decided when the file is read`, this.span(condNode), 'write it as a conditional expression (a if cond else b) or where(cond, a, b)');
        }
        if (truthy(c)) return this.block(parts[i + 2]!, env);
        i += 2;
      } else if (p.name === 'else') {
        return this.block(parts[i + 1]!, env);
      }
    }
    return undefined;
  }

  private targets(nodes: SyntaxNode[]): SyntaxNode[] {
    const flat = nodes.flatMap((n) => (n.name === 'TupleExpression' || n.name === 'ParenthesizedExpression' ? commaGroups(children(n)).map((g) => g[0]!) : [n]));
    for (const t of flat) {
      if (t.name !== 'VariableName') throw new UserError(`assigning to '${this.text(t)}' is not supported`, this.span(t), 'assign to plain names');
    }
    return flat;
  }

  private assign(s: SyntaxNode, env: Env): void {
    const segments: SyntaxNode[][] = [[]];
    for (const c of children(s)) {
      if (c.name === 'AssignOp') segments.push([]);
      else if (c.name !== 'TypeDef') segments[segments.length - 1]!.push(c);
    }
    const valueGroups = commaGroups(segments.pop()!);
    if (valueGroups.length === 0) return; // `x: float` declares only
    const value: Value = valueGroups.length === 1 ? this.expr(valueGroups[0]![0]!, env) : { kind: 'tuple', items: valueGroups.map((g) => this.expr(g[0]!, env)), span: this.span(s) };
    for (const segment of segments) {
      const names = this.targets(commaGroups(segment).map((g) => g[0]!));
      if (names.length === 1 && segment.every((n) => n.name !== 'TupleExpression' && n.name !== ',')) {
        env.set(this.text(names[0]!), value);
        continue;
      }
      if (value.kind !== 'tuple' || value.items.length !== names.length) {
        throw new UserError(`cannot unpack this into ${names.length} names`, this.span(s), 'unpack a tuple written out, e.g. a, b = x, y');
      }
      names.forEach((n, k) => env.set(this.text(n), value.items[k]!));
    }
  }

  private update(s: SyntaxNode, env: Env): void {
    const [target, opNode, valueNode] = [s.firstChild!, s.firstChild!.nextSibling!, s.lastChild!];
    if (target.name !== 'VariableName') throw new UserError(`updating '${this.text(target)}' is not supported`, this.span(target));
    const op = this.text(opNode).slice(0, -1);
    const left = this.lookup(this.text(target), target, env);
    env.set(this.text(target), this.binary(op, left, this.expr(valueNode, env), this.span(s), opNode));
  }

  /** A name: local, then the file's functions, imports and constants, then Python's builtins. */
  lookup(name: string, node: SyntaxNode, env: Env): Value {
    const span = this.span(node);
    const local = env.get(name);
    if (local !== undefined) return local;
    const m = this.ctx.module;
    if (m.functions.has(name)) return { kind: 'function', name, span };
    const imported = m.imports.get(name);
    if (imported !== undefined) return { kind: 'module', path: imported.path, span };
    if (m.assignments.has(name)) return this.moduleConstant(name, span);
    if (name === 'True' || name === 'False') return { kind: 'literal', value: name === 'True', span };
    if (name === 'None') return { kind: 'literal', value: null, span };
    if (BUILTINS.has(name)) return { kind: 'module', path: `builtins.${name}`, span };
    if (m.classes.has(name)) throw new UserError(`'${name}' is a class: classes are not supported`, span, 'write the loss as a function');
    throw new UserError(`'${name}' is not defined in this file`, span, 'f-diagnose reads one file and never runs it: define the name here, or make it a parameter');
  }

  private moduleConstant(name: string, span: Span): Value {
    const known = this.ctx.moduleValues.get(name);
    if (known !== undefined) return known;
    if (this.ctx.moduleActive.has(name)) throw new UserError(`'${name}' is defined in terms of itself`, span);
    this.ctx.moduleActive.add(name);
    const value = this.expr(this.ctx.module.assignments.get(name)!, new Map());
    this.ctx.moduleActive.delete(name);
    this.ctx.moduleValues.set(name, value);
    return value;
  }

  /** The number-valued expression a value stands for, or a UserError saying what it is instead. */
  asExpr(v: Value, what = 'a number'): Expr {
    if (v.kind === 'expr') return v.expr;
    const found =
      v.kind === 'literal' ? (v.value === null ? 'None' : typeof v.value === 'string' ? `the string '${v.value}'` : `the boolean ${v.value ? 'True' : 'False'}`)
      : v.kind === 'tuple' ? 'a tuple' : v.kind === 'module' ? `'${v.path}'` : v.kind === 'function' ? `the function '${v.name}'` : 'a dtype';
    throw new UserError(`expected ${what} here, found ${found}`, spanOfValue(v));
  }

  expr(node: SyntaxNode, env: Env): Value {
    const span = this.span(node);
    switch (node.name) {
      case 'Number':
        return exprValue({ kind: 'number', text: numberText(this.text(node), span), span });
      case 'String':
        return { kind: 'literal', value: stringValue(this.text(node)), span };
      case 'ContinuedString':
        return { kind: 'literal', value: children(node).map((c) => stringValue(this.text(c))).join(''), span };
      case 'Boolean':
        return { kind: 'literal', value: this.text(node) === 'True', span };
      case 'None':
        return { kind: 'literal', value: null, span };
      case 'VariableName':
        return this.lookup(this.text(node), node, env);
      case 'ArrayExpression':
        // a list literal: the terms of a stack (tf.stack([a, b]), jnp.array([a, b])), as a tuple
        return { kind: 'tuple', items: commaGroups(children(node).filter((c) => c.name !== '[' && c.name !== ']')).map((g) => this.expr(g[0]!, env)), span };
      case 'ParenthesizedExpression':
      case 'TupleExpression': {
        const groups = commaGroups(children(node));
        const commas = children(node).some((c) => c.name === ',');
        if (node.name === 'ParenthesizedExpression' && !commas && groups.length === 1) return this.expr(groups[0]![0]!, env);
        return { kind: 'tuple', items: groups.map((g) => this.expr(g[0]!, env)), span };
      }
      case 'MemberExpression':
        return this.member(node, env);
      case 'CallExpression':
        return lowerCall(this, node, env);
      case 'UnaryExpression':
        return this.unary(node, env);
      case 'BinaryExpression':
        return this.binaryNode(node, env);
      case 'ConditionalExpression':
        return this.conditional(node, env);
      default: {
        const what = REFUSED_EXPRESSIONS[node.name] ?? `this expression (${node.name})`;
        throw new UserError(`${what} is not supported`, span, 'write the loss elementwise with arithmetic and function calls');
      }
    }
  }

  private member(node: SyntaxNode, env: Env): Value {
    const span = this.span(node);
    const parts = children(node);
    if (parts.some((p) => p.name === '[')) {
      throw new UserError('indexing is not supported: the loss is analysed elementwise', span, 'make each column a parameter of the function');
    }
    const object = this.expr(parts[0]!, env);
    const prop = this.text(parts[parts.length - 1]!);
    if (object.kind === 'module') {
      const constant = MODULE_CONSTANTS[prop];
      if (constant !== undefined) return exprValue({ kind: 'number', text: constant.text, constant: constant.constant, span });
      const dtype = DTYPES[prop];
      if (dtype !== undefined) return { kind: 'dtype', dtype, span };
      return { kind: 'module', path: `${object.path}.${prop}`, span };
    }
    if (object.kind === 'finfo') {
      const text = FINFO[object.dtype][prop];
      if (text === undefined) throw new UserError(`finfo has no '${prop}' that f-diagnose knows`, span, `use one of: ${Object.keys(FINFO.float32).join(', ')}`);
      return exprValue({ kind: 'number', text, span });
    }
    if (object.kind === 'expr' && (prop === 'T' || prop === 'data' || prop === 'real')) return object;
    if (prop === 'dtype') throw new UserError("an input's dtype is the precision being scanned, not known when the file is read", span, 'name it: torch.finfo(torch.float32).eps, np.finfo(np.float32).tiny');
    throw new UserError(`the attribute '${prop}' is not supported here`, span);
  }

  private unary(node: SyntaxNode, env: Env): Value {
    const [opNode, argNode] = [node.firstChild!, node.lastChild!];
    const op = this.text(opNode);
    const arg = this.expr(argNode, env);
    const span = this.span(node);
    if (op === 'not') {
      const c = constantOf(arg);
      if (c !== undefined) return { kind: 'literal', value: !truthy(c), span };
      return exprValue({ kind: 'unary', op: '~', arg: this.asExpr(arg, 'a condition'), span });
    }
    if (op === '-' || op === '+' || op === '~') return exprValue({ kind: 'unary', op, arg: this.asExpr(arg), span });
    throw new UserError(`the operator '${op}' is not supported`, this.span(opNode));
  }

  private binaryNode(node: SyntaxNode, env: Env): Value {
    const parts = children(node);
    const left = parts[0]!;
    const right = parts[parts.length - 1]!;
    const opNodes = parts.slice(1, -1);
    const op = opNodes.map((n) => this.text(n)).join(' ');
    const span = this.span(node);
    if (op === 'and' || op === 'or') {
      const l = this.expr(left, env);
      const lc = constantOf(l);
      // Python's short circuit, when the left side is known
      if (lc !== undefined) return (op === 'and') === truthy(lc) ? this.expr(right, env) : l;
      const r = this.expr(right, env);
      const rc = constantOf(r);
      if (rc !== undefined) return (op === 'and') === truthy(rc) ? l : r;
      return exprValue({ kind: 'binary', op: op === 'and' ? '&' : '|', left: this.asExpr(l, 'a condition'), right: this.asExpr(r, 'a condition'), span });
    }
    if (COMPARE[op] && left.name === 'BinaryExpression') {
      // Python chains comparisons: a < b <= c is (a < b) and (b <= c)
      const inner = children(left);
      if (COMPARE[inner.slice(1, -1).map((n) => this.text(n)).join(' ')]) {
        const first = this.binaryNode(left, env);
        const second = this.binary(op, this.expr(inner[inner.length - 1]!, env), this.expr(right, env), span, opNodes[0]!);
        const fc = constantOf(first);
        const sc = constantOf(second);
        if (fc !== undefined || sc !== undefined) return fc !== undefined ? (truthy(fc) ? second : first) : truthy(sc!) ? first : second;
        return exprValue({ kind: 'binary', op: '&', left: this.asExpr(first), right: this.asExpr(second), span });
      }
    }
    return this.binary(op, this.expr(left, env), this.expr(right, env), span, opNodes[0]!);
  }

  /** left op right; comparisons of constants are decided now, so `if reduction == 'mean'` picks its branch. */
  binary(op: string, l: Value, r: Value, span: Span, opNode: SyntaxNode): Value {
    const lc = constantOf(l);
    const rc = constantOf(r);
    if (['is', 'is not', 'in', 'not in'].includes(op) || (COMPARE[op] && lc !== undefined && rc !== undefined) || ((l.kind === 'literal' || r.kind === 'literal') && COMPARE[op])) {
      if (op === 'in' || op === 'not in') {
        if (lc === undefined || r.kind !== 'tuple') throw new UserError(`'${op}' is supported only on constants`, span);
        const found = r.items.some((it) => constantOf(it) === lc);
        return { kind: 'literal', value: op === 'in' ? found : !found, span };
      }
      if (lc !== undefined && rc !== undefined) {
        const same = lc === rc;
        const value = op === '==' || op === 'is' ? same : op === '!=' || op === 'is not' ? !same : compareConstants(op, lc, rc);
        return { kind: 'literal', value, span };
      }
      if (op === 'is' || op === 'is not') throw new UserError(`'${op}' is supported only on constants`, span);
    }
    const arith = ARITH[op] ?? COMPARE[op] ?? (op === '&' || op === '|' ? op : undefined);
    if (arith === undefined) {
      const hint = op === '//' || op === '%' ? 'floor division and remainder are not in the vocabulary yet' : undefined;
      throw new UserError(`the operator '${op}' is not supported`, this.span(opNode), hint);
    }
    const logic = arith === '&' || arith === '|';
    const what = logic ? 'a condition' : 'a number';
    return exprValue({ kind: 'binary', op: arith, left: this.asExpr(l, what), right: this.asExpr(r, what), span });
  }

  private conditional(node: SyntaxNode, env: Env): Value {
    const parts = children(node);
    const [a, ifKw, condNode, , b] = parts as [SyntaxNode, SyntaxNode, SyntaxNode, SyntaxNode, SyntaxNode];
    const cond = this.expr(condNode, env);
    const c = constantOf(cond);
    if (c !== undefined) return this.expr(truthy(c) ? a : b, env);
    const span = this.span(node);
    return exprValue({
      kind: 'call', callee: 'where', op: 'where', calleeSpan: this.span(ifKw), span,
      args: [this.asExpr(cond, 'a condition'), this.asExpr(this.expr(a, env)), this.asExpr(this.expr(b, env))],
    });
  }
}

function compareConstants(op: string, a: string | boolean | null | number, b: string | boolean | null | number): boolean {
  if (a === null || b === null) return false;
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    default: return a >= b;
  }
}
