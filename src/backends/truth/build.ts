import { PGraph, type Rel } from './pgraph.js';
import type { PrimOp } from './prim.js';
import * as Q from './rational.js';

/** Node constructors on a PGraph that fold the trivial identities (0 + a, 1 * a, 0 * a, ...). */
export class Builder {
  readonly zero: number;
  readonly one: number;
  constructor(readonly g: PGraph) {
    this.zero = this.rational(Q.ZERO);
    this.one = this.rational(Q.ONE);
  }

  literal(text: string): number {
    const q = Q.fromDecimal(text);
    return this.g.add({ k: 'const', text, q });
  }

  rational(q: Q.Q): number {
    return this.g.add({ k: 'const', text: Q.toString(q), q });
  }

  int(k: number): number {
    return this.rational(Q.fromInt(k));
  }

  constOf(id: number): Q.Q | null {
    const n = this.g.node(id);
    return n.k === 'const' ? n.q : null;
  }

  isZero(id: number): boolean {
    return id === this.zero;
  }

  prim(op: PrimOp, ...args: number[]): number {
    const qs = args.map((a) => this.constOf(a));
    if (qs.every((q) => q) && args.length === 2) {
      const [a, b] = qs as Q.Q[];
      if (op === 'add') return this.rational(Q.add(a!, b!));
      if (op === 'sub') return this.rational(Q.sub(a!, b!));
      if (op === 'mul') return this.rational(Q.mul(a!, b!));
    }
    return this.g.add({ k: 'prim', op, args });
  }

  add(a: number, b: number): number {
    if (this.isZero(a)) return b;
    if (this.isZero(b)) return a;
    return this.prim('add', a, b);
  }

  sub(a: number, b: number): number {
    if (this.isZero(b)) return a;
    if (this.isZero(a)) return this.neg(b);
    return this.prim('sub', a, b);
  }

  mul(a: number, b: number): number {
    if (this.isZero(a) || this.isZero(b)) return this.zero;
    if (a === this.one) return b;
    if (b === this.one) return a;
    return this.prim('mul', a, b);
  }

  div(a: number, b: number): number {
    if (this.isZero(a)) return this.zero;
    if (b === this.one) return a;
    return this.prim('div', a, b);
  }

  neg(a: number): number {
    if (this.isZero(a)) return this.zero;
    const n = this.g.node(a);
    if (n.k === 'prim' && n.op === 'neg') return n.args[0]!;
    const q = this.constOf(a);
    if (q) return this.rational(Q.neg(q));
    return this.prim('neg', a);
  }

  square(a: number): number {
    return this.prim('square', a);
  }

  cmp(rel: Rel, a: number, b: number): number {
    return this.g.add({ k: 'cmp', rel, args: [a, b] });
  }

  where(c: number, a: number, b: number): number {
    if (a === b) return a;
    return this.g.add({ k: 'where', args: [c, a, b] });
  }
}
