import type { Expr, Statement } from '../parse/ast.js';
import { parseProgram, printExpr } from '../parse/index.js';
import { VOCABULARY, type OpName } from '../vocab/ops.js';
import { foldedConstant } from './fold.js';

export type Framework = 'tf' | 'torch' | 'jax' | 'numpy' | 'tfjs';
export const FRAMEWORKS: readonly Framework[] = ['tf', 'torch', 'jax', 'numpy', 'tfjs'];

type Spell = (args: string[]) => string;
const fn = (name: string): Spell => (args) => `${name}(${args.join(', ')})`;
/** torch's binary_cross_entropy written out where the framework has no such call: each log clamped at -100. */
const bceFormula = (log1p: string, log: string, max: string): Spell => ([p, y]) =>
  `(${y} - 1) * ${max}(${log1p}(-(${p})), -100.0) - (${y}) * ${max}(${log}(${p}), -100.0)`;
/** A reduction over stacked terms: logsumexp(a, b) is tf.reduce_logsumexp(tf.stack([a, b]), axis=0). */
const stacked = (name: string, stack: string, axis: string): Spell => (args) => `${name}(${stack}([${args.join(', ')}]), ${axis}=0)`;

/** Each framework's own spelling of every op a fix can contain (python frameworks use operators for arithmetic). */
const PYTHON_OPS: Record<Exclude<Framework, 'tfjs'>, Partial<Record<OpName, Spell>> & { prefix: string }> = {
  tf: {
    prefix: 'tf.math.', where: fn('tf.where'), clip: fn('tf.clip_by_value'), softplus: fn('tf.math.softplus'), sigmoid: fn('tf.math.sigmoid'),
    logicalAnd: fn('tf.math.logical_and'), logicalOr: fn('tf.math.logical_or'), logicalNot: fn('tf.math.logical_not'),
    hypot: fn('tf.experimental.numpy.hypot'), sinc: fn('tf.experimental.numpy.sinc'), bceTorch: bceFormula('tf.math.log1p', 'tf.math.log', 'tf.maximum'),
    bceLogitsTorch: ([x, y]) => `(1 - ${y}) * ${x} - tf.math.log_sigmoid(${x})`, toFloat32: (a) => `tf.cast(tf.cast(${a[0]}, tf.float32), ${a[0]}.dtype)`,
    logsumexp: stacked('tf.reduce_logsumexp', 'tf.stack', 'axis'), logsumexp3: stacked('tf.reduce_logsumexp', 'tf.stack', 'axis'),
    norm: stacked('tf.norm', 'tf.stack', 'axis'), norm3: stacked('tf.norm', 'tf.stack', 'axis'),
  },
  torch: {
    prefix: 'torch.', softplus: (a) => `torch.logaddexp(${a[0]}, torch.zeros_like(${a[0]}))`, clip: fn('torch.clamp'),
    logicalAnd: fn('torch.logical_and'), logicalOr: fn('torch.logical_or'), logicalNot: fn('torch.logical_not'),
    bceTorch: (a) => `torch.nn.functional.binary_cross_entropy(${a.join(', ')}, reduction='none')`,
    bceLogitsTorch: (a) => `torch.nn.functional.binary_cross_entropy_with_logits(${a.join(', ')}, reduction='none')`,
    toFloat32: (a) => `${a[0]}.float().to(${a[0]}.dtype)`,
    logsumexp: stacked('torch.logsumexp', 'torch.stack', 'dim'), logsumexp3: stacked('torch.logsumexp', 'torch.stack', 'dim'),
    norm: stacked('torch.linalg.norm', 'torch.stack', 'dim'), norm3: stacked('torch.linalg.norm', 'torch.stack', 'dim'),
  },
  jax: {
    prefix: 'jnp.', softplus: fn('jax.nn.softplus'), sigmoid: fn('jax.nn.sigmoid'),
    logicalAnd: fn('jnp.logical_and'), logicalOr: fn('jnp.logical_or'), logicalNot: fn('jnp.logical_not'),
    bceTorch: bceFormula('jnp.log1p', 'jnp.log', 'jnp.maximum'),
    bceLogitsTorch: ([x, y]) => `(1 - ${y}) * ${x} - jax.nn.log_sigmoid(${x})`, toFloat32: (a) => `jnp.float32(${a[0]})`,
    logsumexp: stacked('jax.nn.logsumexp', 'jnp.stack', 'axis'), logsumexp3: stacked('jax.nn.logsumexp', 'jnp.stack', 'axis'),
    norm: stacked('jnp.linalg.norm', 'jnp.stack', 'axis'), norm3: stacked('jnp.linalg.norm', 'jnp.stack', 'axis'),
  },
  numpy: {
    prefix: 'np.', softplus: (a) => `np.logaddexp(0, ${a[0]})`, sigmoid: (a) => `(1 / (1 + np.exp(-(${a[0]}))))`,
    logicalAnd: fn('np.logical_and'), logicalOr: fn('np.logical_or'), logicalNot: fn('np.logical_not'),
    bceTorch: bceFormula('np.log1p', 'np.log', 'np.maximum'),
    bceLogitsTorch: ([x, y]) => `(1 - ${y}) * ${x} + np.logaddexp(0, -(${x}))`, toFloat32: (a) => `np.float64(np.float32(${a[0]}))`,
    logsumexp: fn('np.logaddexp'), logsumexp3: (a) => `np.logaddexp(np.logaddexp(${a[0]}, ${a[1]}), ${a[2]})`,
    norm: stacked('np.linalg.norm', 'np.stack', 'axis'), norm3: stacked('np.linalg.norm', 'np.stack', 'axis'),
  },
};

/**
 * A constant as a tensor shaped like the input, where a call takes tensors only: the terms of a stack
 * (tf.stack([x, 3.0]) does not broadcast), torch.hypot and F.binary_cross_entropy (no Python numbers), and
 * tf.experimental.numpy.hypot (an int 2 stays int64).
 */
const FULL_LIKE: Record<Exclude<Framework, 'tfjs'>, (x: string, c: string) => string> = {
  tf: (x, c) => `tf.ones_like(${x}) * ${c}`,
  torch: (x, c) => `torch.full_like(${x}, ${c})`,
  jax: (x, c) => `jnp.full_like(${x}, ${c})`,
  numpy: (x, c) => `np.full_like(${x}, ${c})`,
};
const TENSOR_ARGS: ReadonlySet<OpName> = new Set<OpName>(['logsumexp', 'logsumexp3', 'norm', 'norm3', 'hypot', 'bceTorch', 'bceLogitsTorch']);

const PYTHON_NAMES: Partial<Record<OpName, string>> = { maximum: 'maximum', minimum: 'minimum', clip: 'clip', where: 'where', reciprocal: 'reciprocal' };

const IMPORTS: Record<Framework, string> = {
  tf: 'import tensorflow as tf',
  torch: 'import torch',
  jax: 'import jax\nimport jax.numpy as jnp',
  numpy: 'import numpy as np',
  tfjs: "import * as tf from '@tensorflow/tfjs';",
};

/**
 * A program of f-diagnose's language (lets, then the expression) as a ready-to-paste function `f(vars...)` in the
 * framework's own spellings. Python frameworks: every compound operand in parentheses (Python's & binds tighter
 * than <); TF: a number given to tf.where is cast to the input's dtype. TF.js: functional calls throughout (JS has
 * no operator overloading).
 */
export function emit(program: string, vars: readonly string[], framework: Framework): string {
  const statements = parseProgram(program).statements;
  const first = vars[0] ?? 'x';
  if (framework === 'tfjs') return emitTfjs(statements, vars, first);
  const table = PYTHON_OPS[framework];
  const num = (e: Expr, inWhere: boolean): string | undefined => {
    const folded = foldedConstant(e);
    const text = folded !== undefined ? String(folded) : e.kind === 'number' ? printExpr(e) : e.kind === 'unary' && e.op === '-' && e.arg.kind === 'number' ? printExpr(e) : undefined;
    if (text === undefined) return undefined;
    if (!inWhere) return text;
    // where's branches: a float literal (an int would be promoted or rejected), cast to the input's dtype for TF
    const float = /^-?\d+$/.test(text) ? `${text}.0` : text;
    return framework === 'tf' ? `tf.cast(${float}, ${first}.dtype)` : float;
  };
  const go = (e: Expr, inWhere = false): string => {
    const n = num(e, inWhere);
    if (n !== undefined) return n.replace(/^np\./, framework === 'numpy' ? 'np.' : 'math.');
    switch (e.kind) {
      case 'number':
      case 'name':
        return printExpr(e);
      case 'unary':
        return `${e.op === '~' ? '~' : e.op}${wrap(e.arg)}`;
      case 'binary':
        return `${wrap(e.left)} ${e.op} ${wrap(e.right)}`;
      case 'call': {
        const tensors = e.op !== null && TENSOR_ARGS.has(e.op);
        const args = e.args.map((a) => (tensors && num(a, false) !== undefined ? FULL_LIKE[framework](first, go(a)) : go(a, e.op === 'where')));
        if (e.op === null) return `${e.callee}(${args.join(', ')})`; // the program's own function
        const spell = table[e.op];
        if (spell) return spell(args);
        return `${table.prefix}${PYTHON_NAMES[e.op] ?? e.op}(${args.join(', ')})`;
      }
    }
  };
  const wrap = (e: Expr) => ((e.kind === 'binary' || e.kind === 'unary') && num(e, false) === undefined ? `(${go(e)})` : go(e));
  const body = statements.map((s) =>
    s.kind === 'expr' ? `    return ${go(s.body)}` : s.kind === 'def' ? `    def ${s.name}(${s.params.join(', ')}):\n        return ${go(s.body)}\n` : `    ${s.name} = ${go(s.body)}`);
  const needsMath = body.some((l) => /(^|[^.\w])math\./.test(l)); // Python's math module, not tf.math
  return `${IMPORTS[framework]}${needsMath ? '\nimport math' : ''}\n\n\ndef ${outerName(statements)}(${vars.join(', ')}):\n${body.join('\n')}\n`;
}

const TFJS_BINARY: Record<string, string> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '**': 'pow', '<': 'less', '<=': 'lessEqual', '>': 'greater', '>=': 'greaterEqual',
  '==': 'equal', '!=': 'notEqual', '&': 'logicalAnd', '|': 'logicalOr',
};
const BOOLEAN = new Set(['<', '<=', '>', '>=', '==', '!=', '&', '|']);

/** TF.js registers no gradient for comparisons and logic ops, and tf.grad fails when one is on the tape. */
const NO_GRAD = `// TF.js has no gradient for comparisons; a where's condition needs none
const noGrad = (op) => tf.customGrad((...args) => {
  const inputs = args.slice(0, -1);
  return { value: op(...inputs), gradFunc: () => inputs.map((t) => tf.zerosLike(t)) };
});`;

const TFJS_CALL: Partial<Record<OpName, string>> = { clip: 'clipByValue', logicalAnd: 'logicalAnd', logicalOr: 'logicalOr', logicalNot: 'logicalNot' };

function emitTfjs(statements: Statement[], vars: readonly string[], first: string): string {
  const go = (e: Expr, raw = false): string => {
    switch (e.kind) {
      case 'number': {
        const text = printExpr(e).replace(/^np\.(pi|e)$/, (_, c: string) => `Math.${c.toUpperCase()}`);
        return raw ? text : `tf.fill(${first}.shape, ${text}, ${first}.dtype)`;
      }
      case 'name':
        return e.name;
      case 'unary':
        if (e.arg.kind === 'number' && e.op === '-') return go({ ...e.arg, text: `-${e.arg.text}` }, raw);
        return e.op === '~' ? `noGrad(tf.logicalNot)(${go(e.arg)})` : e.op === '-' ? `tf.neg(${go(e.arg)})` : go(e.arg);
      case 'binary': {
        const call = `tf.${TFJS_BINARY[e.op]}`;
        return `${BOOLEAN.has(e.op) ? `noGrad(${call})` : call}(${go(e.left)}, ${go(e.right)})`;
      }
      case 'call': {
        const folded = foldedConstant(e);
        if (folded !== undefined) return raw ? String(folded) : `tf.fill(${first}.shape, ${folded}, ${first}.dtype)`;
        // clip's bounds are plain numbers in TF.js
        const args = e.args.map((a, i) => go(a, e.op === 'clip' && i > 0));
        if (e.op === 'bceLogitsTorch') return `tf.sub(tf.mul(tf.sub(1, ${args[1]}), ${args[0]}), tf.logSigmoid(${args[0]}))`;
        if (e.op === 'toFloat32') return args[0]!;
        if (e.op === 'bceTorch') {
          const [p, y] = args;
          return `tf.sub(tf.mul(tf.sub(${y}, 1), tf.maximum(tf.log1p(tf.neg(${p})), -100)), tf.mul(${y}, tf.maximum(tf.log(${p}), -100)))`;
        }
        if (e.op === 'logsumexp' || e.op === 'logsumexp3' || e.op === 'norm' || e.op === 'norm3') {
          return `tf.${e.op.startsWith('norm') ? 'norm' : 'logSumExp'}(tf.stack([${args.join(', ')}]), ${e.op.startsWith('norm') ? "'euclidean', " : ''}0)`;
        }
        const call = e.op ? `tf.${TFJS_CALL[e.op] ?? e.op}` : e.callee;
        return `${e.op && VOCABULARY[e.op].boolean ? `noGrad(${call})` : call}(${args.join(', ')})`;
      }
    }
  };
  const body = statements.map((s) =>
    s.kind === 'expr' ? `  return ${go(s.body)};` : s.kind === 'def' ? `  const ${s.name} = (${s.params.join(', ')}) => ${go(s.body)};` : `  const ${s.name} = ${go(s.body)};`);
  const helper = body.some((l) => l.includes('noGrad(')) ? `\n\n${NO_GRAD}` : '';
  return `${IMPORTS.tfjs}${helper}\n\nexport function ${outerName(statements)}(${vars.join(', ')}) {\n${body.join('\n')}\n}\n`;
}

/** The emitted function is f, unless the program defines its own f. */
const outerName = (statements: Statement[]) => (statements.some((s) => s.kind === 'def' && s.name === 'f') ? 'loss' : 'f');
