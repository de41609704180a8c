import type { Expr } from '../parse/ast.js';
import { printExpr } from '../parse/index.js';
import { children, name as nameNode, names, withChildren } from './tree.js';

/** Sub-expressions smaller than this stay inline. */
const MIN_OPS = 2;

/**
 * Prints an expression as a program whose repeated sub-expressions are bound once (t = ...), largest first, so a
 * derived form reads like a hand-written one: the sanitised inputs of a double where become x_in / x_out, the
 * conditions cond1, ..., anything else t1, .... Parsing the text gives the same function.
 */
export function printShared(e: Expr): string {
  // Each round prints every subtree; a subtree no replacement touched keeps its object (mapKeeping), so its text and
  // size are remembered from the rounds before instead of printed again (the output is the same).
  const texts = new WeakMap<Expr, string>();
  const sizes = new WeakMap<Expr, number>();
  const printed = (x: Expr) => {
    let t = texts.get(x);
    if (t === undefined) texts.set(x, (t = printExpr(x, printed)));
    return t;
  };
  const size = (x: Expr): number => {
    let n = sizes.get(x);
    if (n === undefined) sizes.set(x, (n = (x.kind === 'number' || x.kind === 'name' ? 0 : 1) + children(x).reduce((m, k) => m + size(k), 0)));
    return n;
  };
  const taken = names(e);
  const lets: { name: string; body: Expr }[] = [];
  let final = e;
  for (;;) {
    const counts = new Map<string, { tree: Expr; count: number }>();
    const visit = (x: Expr) => {
      if (size(x) >= MIN_OPS) {
        const key = printed(x);
        const entry = counts.get(key) ?? { tree: x, count: 0 };
        entry.count++;
        counts.set(key, entry);
      }
      children(x).forEach(visit);
    };
    [final, ...lets.map((l) => l.body)].forEach(visit);
    const repeated = [...counts.entries()].filter(([, v]) => v.count >= 2).sort((a, b) => size(b[1].tree) - size(a[1].tree));
    if (!repeated.length) break;
    const [key, { tree }] = repeated[0]!;
    const label = fresh(labelFor(tree), taken);
    const replace = (x: Expr) => mapKeeping(x, (y) => (printed(y) === key ? nameNode(label) : y));
    final = replace(final);
    for (const l of lets) l.body = replace(l.body);
    lets.push({ name: label, body: tree });
  }
  return [...ordered(lets).map((l) => `${l.name} = ${printExpr(l.body)}`), printExpr(final)].join('\n');
}

/** mapTree that returns a node itself (not a copy) when none of its children changed. */
function mapKeeping(e: Expr, f: (e: Expr) => Expr): Expr {
  const kids = children(e);
  if (!kids.length) return f(e);
  const mapped = kids.map((k) => mapKeeping(k, f));
  return f(mapped.every((m, i) => m === kids[i]) ? e : withChildren(e, mapped));
}

function labelFor(e: Expr): string {
  if (e.kind === 'call' && e.op === 'where') {
    const [, a, b] = e.args as [Expr, Expr, Expr];
    if (a.kind === 'name') return `${a.name}_in`;
    if (b.kind === 'name') return `${b.name}_out`;
  }
  if (e.kind === 'binary' && ['<', '<=', '>', '>=', '==', '!='].includes(e.op)) return 'cond';
  return 't';
}

function fresh(base: string, taken: Set<string>): string {
  let n = 1;
  let candidate = base === 't' || base === 'cond' ? `${base}${n}` : base;
  while (taken.has(candidate)) candidate = `${base}${++n}`;
  taken.add(candidate);
  return candidate;
}

/** Lets in an order where each is defined before it is used. */
function ordered(lets: { name: string; body: Expr }[]): { name: string; body: Expr }[] {
  const out: typeof lets = [];
  const placed = new Set<string>();
  const place = (l: (typeof lets)[number]) => {
    if (placed.has(l.name)) return;
    placed.add(l.name);
    for (const dep of names(l.body)) {
      const d = lets.find((o) => o.name === dep);
      if (d) place(d);
    }
    out.push(l);
  };
  lets.forEach(place);
  return out;
}
