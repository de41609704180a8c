import type { Expr } from '../parse/ast.js';
import { CATALOG, type Condition, type Rewrite } from './catalog.js';
import { match } from './pattern.js';
import { binary, children, mapTree, parseExpr, substitute, withChildren } from './tree.js';

interface Compiled {
  rewrite: Rewrite;
  pattern: Expr;
  replacement: Expr;
}

const compiled: Compiled[] = CATALOG.map((rewrite) => ({ rewrite, pattern: parseExpr(rewrite.pattern), replacement: parseExpr(rewrite.replacement) }));

/** tf.add(a, b) and friends as the operators they are, so that one pattern covers both spellings. */
export function normalise(e: Expr): Expr {
  const ops: Record<string, '+' | '-' | '*' | '/' | '**'> = { add: '+', sub: '-', mul: '*', div: '/', pow: '**' };
  return mapTree(e, (x) => {
    if (x.kind !== 'call' || x.op === null) return x;
    if (x.op in ops && x.args.length === 2) return binary(ops[x.op]!, x.args[0]!, x.args[1]!);
    if (x.op === 'neg') return { kind: 'unary', op: '-', arg: x.args[0]!, span: x.span };
    return x;
  });
}

const holds = (c: Condition, b: ReadonlyMap<string, Expr>): boolean => {
  const e = b.get(c.notConstant);
  return !!e && e.kind !== 'number' && !(e.kind === 'unary' && e.arg.kind === 'number');
};

/**
 * Rewrites top-down with the entries in the order given: at each node the first entry that matches replaces it (its
 * bound sub-trees rewritten first); where none matches, the children are visited. A replacement is not rescanned, so
 * no rewrite can loop.
 */
export function rewriteWith(e: Expr, entries: readonly Compiled[]): { expr: Expr; used: Rewrite[] } {
  const used: Rewrite[] = [];
  const go = (x: Expr): Expr => {
    for (const c of entries) {
      const bound = match(c.pattern, x);
      if (!bound || !(c.rewrite.conditions ?? []).every((k) => holds(k, bound))) continue;
      used.push(c.rewrite);
      return substitute(c.replacement, new Map([...bound].map(([k, v]) => [k, go(v)])));
    }
    const kids = children(x);
    return kids.length ? withChildren(x, kids.map(go)) : x;
  };
  return { expr: go(e), used };
}

export interface Rewritten {
  expr: Expr;
  /** The catalog entries applied, in order. */
  used: Rewrite[];
}

/**
 * Candidates from the catalog: each entry alone, and each entry first with every other entry after it (entries with
 * the same pattern are alternatives: only the preferred one). Deduplicated by tree.
 */
export function catalogCandidates(e: Expr): Rewritten[] {
  const input = normalise(e);
  const out: Rewritten[] = [];
  for (const preferred of compiled) {
    const alone = rewriteWith(input, [preferred]);
    if (!alone.used.length) continue;
    out.push(alone);
    const rest = compiled.filter((c) => c === preferred || c.rewrite.pattern !== preferred.rewrite.pattern);
    out.push(rewriteWith(input, [preferred, ...rest.filter((c) => c !== preferred)]));
  }
  return out;
}

export { compiled as COMPILED_CATALOG };
