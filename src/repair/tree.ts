import type { BinaryOperator, Expr, Program, Statement } from '../parse/ast.js';
import { parseProgram } from '../parse/index.js';

/** Helpers to read, compare and rebuild expression trees (spans are meaningless in built trees). */
const NOWHERE = { start: 0, end: 0, line: 1, column: 1 };

export const num = (text: string): Expr =>
  text.startsWith('-') ? { kind: 'unary', op: '-', arg: num(text.slice(1)), span: NOWHERE } : { kind: 'number', text, span: NOWHERE };
export const name = (n: string): Expr => ({ kind: 'name', name: n, span: NOWHERE });
export const binary = (op: BinaryOperator, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right, span: NOWHERE });

/** Parses one expression of the language (a pattern, a replacement, a built piece). */
export function parseExpr(text: string): Expr {
  const program = parseProgram(text);
  const only = program.statements[0];
  if (program.statements.length !== 1 || only?.kind !== 'expr') throw new Error(`not one expression: ${text}`);
  return only.body;
}

export function sameTree(a: Expr, b: Expr): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'number':
      return Number(a.text) === Number((b as typeof a).text) && a.constant === (b as typeof a).constant;
    case 'name':
      return a.name === (b as typeof a).name;
    case 'unary':
      return a.op === (b as typeof a).op && sameTree(a.arg, (b as typeof a).arg);
    case 'binary': {
      const o = b as typeof a;
      return a.op === o.op && sameTree(a.left, o.left) && sameTree(a.right, o.right);
    }
    case 'call': {
      const o = b as typeof a;
      return a.op === o.op && (a.op !== null || a.callee === o.callee) && a.args.length === o.args.length && a.args.every((x, i) => sameTree(x, o.args[i]!));
    }
  }
}

export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'unary': return [e.arg];
    case 'binary': return [e.left, e.right];
    case 'call': return e.args;
    default: return [];
  }
}

export function withChildren(e: Expr, kids: Expr[]): Expr {
  switch (e.kind) {
    case 'unary': return { ...e, arg: kids[0]! };
    case 'binary': return { ...e, left: kids[0]!, right: kids[1]! };
    case 'call': return { ...e, args: kids };
    default: return e;
  }
}

/** Rebuilds bottom-up: f sees each node with its children already mapped. */
export function mapTree(e: Expr, f: (e: Expr) => Expr): Expr {
  const kids = children(e);
  return f(kids.length ? withChildren(e, kids.map((k) => mapTree(k, f))) : e);
}

export function names(e: Expr, into = new Set<string>()): Set<string> {
  if (e.kind === 'name') into.add(e.name);
  for (const k of children(e)) names(k, into);
  return into;
}

export const substitute = (e: Expr, values: ReadonlyMap<string, Expr>): Expr =>
  mapTree(e, (x) => (x.kind === 'name' && values.has(x.name) ? values.get(x.name)! : x));

export function opCount(e: Expr): number {
  return (e.kind === 'number' || e.kind === 'name' ? 0 : 1) + children(e).reduce((n, k) => n + opCount(k), 0);
}

/**
 * The program as one expression: its lets substituted into the final expression and its functions inlined at each
 * call (parameters bound to the arguments). Undefined when there is no final expression.
 */
export function inlineProgram(program: Pick<Program, 'statements'>): Expr | undefined {
  const lets = new Map<string, Expr>();
  const defs = new Map<string, { params: string[]; body: Expr }>();
  const inline = (e: Expr): Expr =>
    mapTree(e, (x) => {
      if (x.kind === 'name' && lets.has(x.name)) return lets.get(x.name)!;
      if (x.kind === 'call' && x.op === null && defs.has(x.callee)) {
        const d = defs.get(x.callee)!;
        return substitute(d.body, new Map(d.params.map((p, i) => [p, x.args[i]!])));
      }
      return x;
    });
  let last: Expr | undefined;
  for (const s of program.statements as Statement[]) {
    if (s.kind === 'def') {
      // a function body sees the lets before it, not its own parameters' names as lets
      const shadowed = new Map(lets);
      for (const p of s.params) lets.delete(p);
      defs.set(s.name, { params: s.params, body: inline(s.body) });
      for (const [k, v] of shadowed) lets.set(k, v);
      continue;
    }
    const body = inline(s.body);
    if (s.kind === 'let') lets.set(s.name, body);
    else last = body;
  }
  return last;
}
