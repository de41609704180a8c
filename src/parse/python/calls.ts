import { UserError } from '../../base/user-error.js';
import type { Span } from '../../base/span.js';
import { CALLABLE, VOCABULARY, aritiesOf, countsText, variantOf, type OpName } from '../../vocab/ops.js';
import type { Expr } from '../ast.js';
import { suggest } from '../suggest.js';
import type { Env, Lowering } from './lower.js';
import { lossAt, lowerLoss } from './losses.js';
import { reductionNote } from './notes.js';
import { EPSILON_FUNCTIONS, IDENTITY_CALLS, KERAS_EPSILON, NOT_YET, REDUCTIONS, SHAPE_KEYWORDS, STACK_CALLS, splitNamespace } from './spellings.js';
import { children, spanOfNode, textOf, type SyntaxNode } from './syntax.js';
import { exprValue, spanOfValue, type Value } from './values.js';

interface Args {
  positional: Value[];
  keywords: Map<string, { value: Value; span: Span }>;
}

/** Tensor methods whose name differs from the function's (torch's x.mul(y) is multiply(x, y)). */
const METHOD_ALIASES: Readonly<Record<string, string>> = { mul: 'multiply', sub: 'subtract', rsqrt: 'rsqrt' };
const CLIP_NAMES = new Set(['clip', 'clamp', 'clip_by_value', 'clipByValue']);
const LOWER_KEYS = ['min', 'a_min', 'clip_value_min', 'x_min', 'lower'];
const UPPER_KEYS = ['max', 'a_max', 'clip_value_max', 'x_max', 'upper'];
const INPUT_KEYS = ['x', 'input', 'input_tensor', 'a', 't', 'tensor'];

/** A call: a function of the file (inlined), a framework function, or a tensor method. */
export function lowerCall(lw: Lowering, node: SyntaxNode, env: Env): Value {
  const tree = lw.ctx.module.tree;
  const [callee, argList] = [node.firstChild!, node.lastChild!];
  const span = spanOf(lw, node);
  const calleeSpan = spanOf(lw, callee);
  const args = readArgs(lw, argList, env);
  if (callee.name === 'MemberExpression' && !children(callee).some((c) => c.name === '[')) {
    const object = lw.expr(callee.firstChild!, env);
    const prop = textOf(tree, callee.lastChild!);
    const propSpan = spanOf(lw, callee.lastChild!);
    if (object.kind === 'module') return library(lw, `${object.path}.${prop}`, args, span, calleeSpan);
    if (object.kind === 'expr') return opCall(lw, METHOD_ALIASES[prop] ?? prop, { positional: [object, ...args.positional], keywords: args.keywords }, span, propSpan);
    throw new UserError(`calling '${textOf(tree, callee)}' is not supported`, calleeSpan);
  }
  const target = lw.expr(callee, env);
  if (target.kind === 'function') return userCall(lw, target.name, args, span);
  if (target.kind === 'module') return library(lw, target.path, args, span, calleeSpan);
  throw new UserError(`'${textOf(tree, callee)}' is not a function`, calleeSpan);
}

const spanOf = (lw: Lowering, n: SyntaxNode): Span => spanOfNode(lw.ctx.module.tree, n);

function readArgs(lw: Lowering, argList: SyntaxNode, env: Env): Args {
  const tree = lw.ctx.module.tree;
  const out: Args = { positional: [], keywords: new Map() };
  const groups: SyntaxNode[][] = [[]];
  for (const c of children(argList)) {
    if (c.name === ',') groups.push([]);
    else if (c.name !== '(' && c.name !== ')') groups[groups.length - 1]!.push(c);
  }
  for (const g of groups) {
    if (g.length === 0) continue;
    if (g[0]!.name === '*' || g[0]!.name === '**') throw new UserError(`unpacking arguments (${textOf(tree, g[0]!)}) is not supported`, spanOf(lw, g[0]!));
    if (g.length >= 3 && g[1]!.name === 'AssignOp') {
      out.keywords.set(textOf(tree, g[0]!), { value: lw.expr(g[2]!, env), span: spanOf(lw, g[0]!) });
    } else if (g.some((n) => n.name === 'for')) {
      throw new UserError('a generator expression is not supported', spanOf(lw, g[0]!));
    } else {
      if (out.keywords.size > 0) throw new UserError('a positional argument after a keyword argument', spanOf(lw, g[0]!));
      out.positional.push(lw.expr(g[0]!, env));
    }
  }
  return out;
}

/** A function of the file, inlined with its arguments bound (defaults read in the module's scope). */
function userCall(lw: Lowering, name: string, args: Args, span: Span): Value {
  const fn = lw.ctx.module.functions.get(name)!;
  if (args.positional.length > fn.params.length) throw new UserError(`'${name}' takes ${fn.params.length} arguments, given ${args.positional.length}`, span);
  const bindings: Env = new Map();
  fn.params.forEach((p, i) => {
    const kw = args.keywords.get(p.name);
    const given = i < args.positional.length ? args.positional[i] : kw?.value;
    if (given !== undefined) bindings.set(p.name, given);
    else if (p.default !== undefined) bindings.set(p.name, lw.expr(p.default, new Map()));
    else throw new UserError(`'${name}' needs its argument '${p.name}'`, span);
  });
  for (const [k, v] of args.keywords) {
    if (!fn.params.some((p) => p.name === k)) throw new UserError(`'${name}' has no parameter '${k}'`, v.span);
  }
  return lw.callFunction(fn, bindings, span);
}

/** A dotted path after aliases, such as numpy.exp or tensorflow.keras.backend.epsilon. */
function library(lw: Lowering, path: string, args: Args, span: Span, calleeSpan: Span): Value {
  const last = path.slice(path.lastIndexOf('.') + 1);
  if (last === 'finfo') {
    const dtype = args.positional[0];
    if (dtype?.kind !== 'dtype') throw new UserError('finfo needs a dtype such as np.float32', span);
    return { kind: 'finfo', dtype: dtype.dtype, span };
  }
  if (EPSILON_FUNCTIONS.has(last) && /(^|\.)(keras)(\.|$)/.test(path)) return exprValue({ kind: 'number', text: KERAS_EPSILON, span });
  const loss = lossAt(path);
  if (loss !== undefined) return lowerLoss(lw, loss, path, args, span, calleeSpan);
  if (NOT_YET.has(last)) throw new UserError(`'${last}' is not supported yet`, calleeSpan, 'write it out with the functions f-diagnose has (exp, log, log1p, where, ...)');
  const split = splitNamespace(path);
  if (split === undefined) {
    const module = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : path;
    throw new UserError(`'${path}' comes from another module (${module}): f-diagnose reads one file and never runs it`, calleeSpan, 'copy the helper into this file, or write it out with framework functions');
  }
  return opCall(lw, split.name, args, span, calleeSpan, split.namespace);
}

function input(args: Args): Value | undefined {
  if (args.positional[0] !== undefined) return args.positional[0];
  for (const k of INPUT_KEYS) {
    const kw = args.keywords.get(k);
    if (kw !== undefined) return kw.value;
  }
  return undefined;
}

function keyword(args: Args, keys: readonly string[], position: number): Value | undefined {
  const v = args.positional[position] ?? keys.map((k) => args.keywords.get(k)?.value).find((x) => x !== undefined);
  return v?.kind === 'literal' && v.value === null ? undefined : v;
}

const call = (op: OpName, callee: string, args: Expr[], span: Span, calleeSpan: Span): Value =>
  exprValue({ kind: 'call', callee, op, calleeSpan, args, span });

/** Functions of a few stacked terms: tf.reduce_logsumexp(tf.stack([a, b]), 0), torch.linalg.norm(torch.stack(...)). */
const STACKED_TERMS = new Set(['logsumexp', 'reduce_logsumexp', 'norm', 'vector_norm']);
const EUCLIDEAN = new Set<unknown>([2, 'euclidean', 'fro', null]);

function stackedTerms(lw: Lowering, name: string, x: Value | undefined, args: Args, span: Span, calleeSpan: Span): Value {
  if (x === undefined) throw new UserError(`'${name}' needs an argument`, span);
  const base: OpName = name.endsWith('logsumexp') ? 'logsumexp' : 'norm';
  for (const [k, v] of args.keywords) {
    if (SHAPE_KEYWORDS.has(k) || INPUT_KEYS.includes(k)) continue;
    const order = v.value.kind === 'literal' ? v.value.value : v.value.kind === 'expr' && v.value.expr.kind === 'number' ? Number(v.value.expr.text) : undefined;
    if (base === 'norm' && ['ord', 'p'].includes(k) && EUCLIDEAN.has(order)) continue;
    throw new UserError(`the keyword '${k}' of '${name}' is not supported`, v.span, base === 'norm' ? 'f-diagnose has the Euclidean norm (ord=2)' : undefined);
  }
  const extra = args.positional.slice(1).find((v) => !(v.kind === 'expr' && v.expr.kind === 'number') && v.kind !== 'literal' && v.kind !== 'tuple');
  if (extra) throw new UserError(`expected an axis here`, spanOfValue(extra));
  const terms = x.kind === 'tuple' ? x.items : [x];
  if (base === 'logsumexp' && terms.length === 1) {
    throw new UserError(`'${name}' of one tensor reduces over its elements, which f-diagnose does not analyse`, span, `stack the terms it adds: ${name}(stack([a, b]), axis=0)`);
  }
  const op = variantOf(base, terms.length);
  if (op === undefined) throw new UserError(`'${name}' over ${terms.length} terms: f-diagnose takes ${countsText(aritiesOf(base))}`, span);
  return call(op, name, terms.map((t) => lw.asExpr(t)), span, calleeSpan);
}

/** A framework function or method by name: identity, reduction, clip, or an op of the vocabulary. */
function opCall(lw: Lowering, name: string, args: Args, span: Span, calleeSpan: Span, namespace?: string): Value {
  const x = input(args);
  const need = (v: Value | undefined): Expr => {
    if (v === undefined) throw new UserError(`'${name}' needs an argument`, span);
    return lw.asExpr(v);
  };
  if (STACK_CALLS.has(name) && x?.kind === 'tuple') return x;
  if (IDENTITY_CALLS.has(name)) return exprValue(need(x));
  if (STACKED_TERMS.has(name)) return stackedTerms(lw, name, x, args, span, calleeSpan);
  const reduction = REDUCTIONS[name] ?? ((name === 'max' || name === 'min') && args.positional.length === 1 ? name : undefined);
  if (reduction !== undefined) {
    lw.ctx.notes.push(reductionNote(reduction, calleeSpan));
    return exprValue(need(x));
  }
  if (CLIP_NAMES.has(name) || name === 'clamp_min' || name === 'clamp_max') {
    const value = need(x);
    const lo = name === 'clamp_max' ? undefined : keyword(args, LOWER_KEYS, 1);
    const hi = name === 'clamp_min' ? undefined : keyword(args, UPPER_KEYS, name === 'clamp_max' ? 1 : 2);
    if (lo === undefined && hi === undefined) throw new UserError(`'${name}' needs a lower or an upper bound`, span);
    if (lo === undefined) return call('minimum', 'minimum', [value, lw.asExpr(hi!)], span, calleeSpan);
    if (hi === undefined) return call('maximum', 'maximum', [value, lw.asExpr(lo)], span, calleeSpan);
    return call('clip', name, [value, lw.asExpr(lo), lw.asExpr(hi)], span, calleeSpan);
  }
  if (name === 'gelu') {
    // approximate: False / 'none' is the erf form; True / 'tanh' the tanh form (tf/jax take a bool, torch a string).
    // Unsaid, jax.nn.gelu is the tanh form (approximate=True, jax/_src/nn/functions.py); tf, Keras and torch the erf
    const approx = args.keywords.get('approximate') ?? (args.positional[1] ? { value: args.positional[1], span } : undefined);
    const v = approx?.value;
    const tanh = approx === undefined ? namespace === 'jax.nn' : v?.kind === 'literal' && (v.value === true || v.value === 'tanh');
    if (approx && !(v?.kind === 'literal' && (tanh || v.value === false || v.value === 'none'))) {
      throw new UserError(`'approximate' of '${name}' must be True, False, 'tanh' or 'none'`, approx.span);
    }
    return call(tanh ? 'geluTanh' : 'gelu', name, [need(x)], span, calleeSpan);
  }
  if (name === 'leaky_relu' || name === 'leakyRelu') {
    const slope = keyword(args, ['alpha', 'negative_slope'], 1);
    if (slope === undefined) {
      throw new UserError(`give '${name}' its slope`, span, 'the default differs between frameworks (tf.nn 0.2, torch and jax 0.01, Keras 0.2 or 0.3): write e.g. negative_slope=0.01');
    }
    return call('leakyRelu', name, [need(x), lw.asExpr(slope)], span, calleeSpan);
  }
  const op = CALLABLE.get(name) ?? CALLABLE.get(name.toLowerCase());
  if (op !== undefined) {
    const word = VOCABULARY[op];
    for (const [k, v] of args.keywords) {
      if (!SHAPE_KEYWORDS.has(k) && !(word.arity === 2 && args.positional.length === 1 && ['exponent', 'other', 'y'].includes(k))) {
        throw new UserError(`the keyword '${k}' of '${name}' is not supported`, v.span);
      }
    }
    const second = ['exponent', 'other', 'y'].map((k) => args.keywords.get(k)?.value).find((v) => v !== undefined);
    const given = word.arity === 2 && args.positional.length === 1 && second !== undefined ? [...args.positional, second] : args.positional;
    if (given.length !== word.arity) throw new UserError(`'${name}' takes ${word.arity} argument${word.arity === 1 ? '' : 's'}, given ${given.length}`, span);
    return call(op, name, given.map((v) => lw.asExpr(v)), span, calleeSpan);
  }
  if (NOT_YET.has(name)) throw new UserError(`'${name}' is not supported yet`, calleeSpan, 'write it out with the functions f-diagnose has (exp, log, log1p, where, ...)');
  const near = suggest(name, [...CALLABLE.keys(), ...Object.keys(REDUCTIONS)]);
  throw new UserError(`unknown function '${name}'`, calleeSpan, near ? `did you mean '${near}'?` : undefined);
}
