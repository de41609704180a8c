import { userRecord } from '../../base/record.js';
/**
 * The op graph evaluated with TensorFlow.js tensors: value and gradients by tf.valueAndGrads, so
 * the gradient is TF.js's own (its registered gradient functions), not our backward nodes, which
 * are ignored here.
 *
 * Two passes. Pass 1 evaluates every forward node off the tape with the concrete inputs. Pass 2
 * re-evaluates, inside tf.valueAndGrads, the nodes the output depends on numerically, with every
 * condition (comparison and logic node) replaced by its pass-1 value as a constant bool tensor.
 * TF.js has no gradient for Less and friends, so a condition on the tape breaks tf.grads; as a
 * constant it changes nothing else: SelectV2's gradient is still dy*cast(cond) into the selected
 * branch and dy*cast(!cond) into the other, computed by TF.js.
 */
import type { Tensor } from '@tensorflow/tfjs';
import type { Graph, GraphNode } from '../../graph/graph.js';
import { OPS } from '../../graph/ops.js';
import { type OpName } from '../../vocab/ops.js';
import type { TfjsRuntime, TfModule } from './load.js';

export interface TfjsEvaluation {
  /** The output per sample. */
  value: Float32Array;
  /** d(output)/d(var) per sample, by TF.js's gradient rules. */
  grads: Record<string, Float32Array>;
  /** Every forward node's values per sample (conditions as 0/1), keyed by node id. */
  forward: Map<number, Float32Array>;
}

interface OpContext {
  tf: TfModule;
  node: GraphNode;
  /** A scalar operand known before evaluation (clip's bounds, step's alpha). */
  scalarInput: (index: number) => number;
}

type Kernel = (x: Tensor[], ctx: OpContext) => Tensor;

/** x == 0 as a constant bool tensor, read off the tape. */
const zeroMask = (tf: TfModule, x: Tensor): Tensor => tf.tensor(Array.from(x.dataSync(), (v) => (v === 0 ? 1 : 0)), x.shape, 'bool');

/** Terms of a stack broadcast to the largest's shape (a constant term is a scalar tensor; tf.stack wants equal shapes). */
function stackTerms(tf: TfModule, xs: Tensor[]): Tensor {
  const shape = xs.reduce((big, x) => (x.size > big.size ? x : big)).shape;
  return tf.stack(xs.map((x) => (x.size === shape.reduce((n, d) => n * d, 1) && x.rank === shape.length ? x : tf.broadcastTo(x, shape))));
}

const leaf: Kernel = () => {
  throw new Error('leaf nodes are not evaluated by a kernel');
};

/** One TF.js op per op of the table; the compiler demands an entry for each. */
const KERNELS: Record<OpName, Kernel> = {
  const: leaf,
  var: leaf,
  add: ([a, b], { tf }) => tf.add(a!, b!),
  sub: ([a, b], { tf }) => tf.sub(a!, b!),
  mul: ([a, b], { tf }) => tf.mul(a!, b!),
  div: ([a, b], { tf }) => tf.div(a!, b!),
  neg: ([a], { tf }) => tf.neg(a!),
  pow: ([a, b], { tf }) => tf.pow(a!, b!),
  exp: ([a], { tf }) => tf.exp(a!),
  log: ([a], { tf }) => tf.log(a!),
  expm1: ([a], { tf }) => tf.expm1(a!),
  log1p: ([a], { tf }) => tf.log1p(a!),
  sqrt: ([a], { tf }) => tf.sqrt(a!),
  abs: ([a], { tf }) => tf.abs(a!),
  square: ([a], { tf }) => tf.square(a!),
  reciprocal: ([a], { tf }) => tf.reciprocal(a!),
  sign: ([a], { tf }) => tf.sign(a!),
  sin: ([a], { tf }) => tf.sin(a!),
  cos: ([a], { tf }) => tf.cos(a!),
  tan: ([a], { tf }) => tf.tan(a!),
  tanh: ([a], { tf }) => tf.tanh(a!),
  sinh: ([a], { tf }) => tf.sinh(a!),
  cosh: ([a], { tf }) => tf.cosh(a!),
  asin: ([a], { tf }) => tf.asin(a!),
  acos: ([a], { tf }) => tf.acos(a!),
  atan: ([a], { tf }) => tf.atan(a!),
  atan2: ([a, b], { tf }) => tf.atan2(a!, b!),
  sigmoid: ([a], { tf }) => tf.sigmoid(a!),
  softplus: ([a], { tf }) => tf.softplus(a!),
  logSigmoid: ([a], { tf }) => tf.logSigmoid(a!),
  // TF.js has no logaddexp: tf.experimental.numpy's formula in TF.js ops
  logaddexp: ([a, b], { tf }) => {
    const delta = tf.sub(a!, b!);
    return tf.where(tf.isNaN(delta), tf.add(a!, b!), tf.add(tf.maximum(a!, b!), tf.log1p(tf.exp(tf.neg(tf.abs(delta))))));
  },
  erf: ([a], { tf }) => tf.erf(a!),
  // TF.js has no erfc: 1 - erf
  erfc: ([a], { tf }) => tf.sub(1, tf.erf(a!)),
  rsqrt: ([a], { tf }) => tf.rsqrt(a!),
  // TF.js has no softsign and no silu: their formulas in TF.js ops
  softsign: ([a], { tf }) => tf.div(a!, tf.add(tf.abs(a!), 1)),
  elu: ([a], { tf }) => tf.elu(a!),
  selu: ([a], { tf }) => tf.selu(a!),
  silu: ([a], { tf }) => tf.mul(a!, tf.sigmoid(a!)),
  // TF.js has no gelu and no mish: their formulas in TF.js ops
  gelu: ([a], { tf }) => tf.mul(tf.mul(a!, 0.5), tf.add(1, tf.erf(tf.mul(a!, Math.SQRT1_2)))),
  geluTanh: ([a], { tf }) => tf.mul(tf.mul(a!, 0.5), tf.add(1, tf.tanh(tf.mul(0.7978845608028654, tf.add(a!, tf.mul(0.044715, tf.mul(tf.mul(a!, a!), a!))))))),
  mish: ([a], { tf }) => tf.mul(a!, tf.tanh(tf.softplus(a!))),
  // TF.js has no xlogy / xlog1py: where(x == 0, 0, x * log(y)), the condition a constant off the tape (TF.js has no
  // gradient for Equal)
  xlogy: ([a, b], { tf }) => tf.where(zeroMask(tf, a!), tf.zerosLike(a!), tf.mul(a!, tf.log(b!))),
  xlog1py: ([a, b], { tf }) => tf.where(zeroMask(tf, a!), tf.zerosLike(a!), tf.mul(a!, tf.log1p(b!))),
  asinh: ([a], { tf }) => tf.asinh(a!),
  acosh: ([a], { tf }) => tf.acosh(a!),
  atanh: ([a], { tf }) => tf.atanh(a!),
  // TF.js has no log2 / log10: log(x) / log(b)
  log2: ([a], { tf }) => tf.div(tf.log(a!), Math.LN2),
  log10: ([a], { tf }) => tf.div(tf.log(a!), Math.LN10),
  relu6: ([a], { tf }) => tf.relu6(a!),
  leakyRelu: ([a], { tf, scalarInput }) => tf.leakyRelu(a!, scalarInput(1)),
  relu: ([a], { tf }) => tf.relu(a!),
  // TF.js has no hypot and no sinc: tf.experimental.numpy's formulas in TF.js ops (sinc's x == 0 a constant mask)
  hypot: ([a, b], { tf }) => tf.sqrt(tf.add(tf.square(a!), tf.square(b!))),
  sinc: ([a], { tf }) => {
    const px = tf.mul(a!, Math.PI);
    return tf.where(zeroMask(tf, a!), tf.onesLike(a!), tf.div(tf.sin(px), px));
  },
  // torch's binary_cross_entropy in TF.js ops (only torch's call makes it)
  bceTorch: ([p, y], { tf }) => tf.sub(tf.mul(tf.sub(y!, 1), tf.maximum(tf.log1p(tf.neg(p!)), -100)), tf.mul(y!, tf.maximum(tf.log(p!), -100))),
  bceLogitsTorch: ([x, y], { tf }) => tf.sub(tf.mul(tf.sub(1, y!), x!), tf.logSigmoid(x!)),
  // a float32 constant: TF.js computes in float32 already
  toFloat32: ([a]) => a!,
  floor: ([a], { tf }) => tf.floor(a!),
  ceil: ([a], { tf }) => tf.ceil(a!),
  round: ([a], { tf }) => tf.round(a!),
  logsumexp: (xs, { tf }) => tf.logSumExp(stackTerms(tf, xs), 0),
  logsumexp3: (xs, { tf }) => tf.logSumExp(stackTerms(tf, xs), 0),
  norm: (xs, { tf }) => tf.norm(stackTerms(tf, xs), 'euclidean', 0),
  norm3: (xs, { tf }) => tf.norm(stackTerms(tf, xs), 'euclidean', 0),
  maximum: ([a, b], { tf }) => tf.maximum(a!, b!),
  minimum: ([a, b], { tf }) => tf.minimum(a!, b!),
  clip: ([a], { tf, scalarInput }) => clipByValue(tf, a!, Math.fround(scalarInput(1)), Math.fround(scalarInput(2))),
  where: ([c, a, b], { tf }) => tf.where(c!, a!, b!),
  less: ([a, b], { tf }) => tf.less(a!, b!),
  lessEqual: ([a, b], { tf }) => tf.lessEqual(a!, b!),
  greater: ([a, b], { tf }) => tf.greater(a!, b!),
  greaterEqual: ([a, b], { tf }) => tf.greaterEqual(a!, b!),
  equal: ([a, b], { tf }) => tf.equal(a!, b!),
  notEqual: ([a, b], { tf }) => tf.notEqual(a!, b!),
  logicalAnd: ([a, b], { tf }) => tf.logicalAnd(a!, b!),
  logicalOr: ([a, b], { tf }) => tf.logicalOr(a!, b!),
  logicalNot: ([a], { tf }) => tf.logicalNot(a!),
  cast: ([a], { tf }) => tf.cast(a!, 'float32'),
  step: ([a], { tf, scalarInput }) => tf.step(a!, scalarInput(1)),
  keep: ([dy, c], { tf }) => tf.where(c!, dy!, tf.zerosLike(dy!)),
};

/** Inputs that are plain numbers to the TF.js op (attributes), not tensors. */
/**
 * TF.js's clipByValue for ordinary bounds. It refuses lo > hi and NaN bounds, and at lo == hi returns fill(), which
 * has no gradient; TensorFlow's own meaning there is maximum(minimum(x, hi), lo) with ClipByValue's gradient
 * where(x >= lo & x <= hi, dy, 0), which is also what the emulator computes, so both backends agree.
 */
function clipByValue(tf: TfModule, x: Tensor, lo: number, hi: number): Tensor {
  if (lo < hi) return tf.clipByValue(x, lo, hi);
  const clip = tf.customGrad((...args: Array<Tensor | ((tensors: Tensor[]) => void)>) => {
    const [input, save] = args as [Tensor, (tensors: Tensor[]) => void];
    save([input]);
    return {
      value: tf.maximum(tf.minimum(input, hi), lo),
      gradFunc: (dy: Tensor, saved: Tensor[]) => tf.where(tf.logicalAnd(tf.greaterEqual(saved[0]!, lo), tf.lessEqual(saved[0]!, hi)), dy, tf.zerosLike(dy)),
    };
  });
  return clip(x) as Tensor;
}

const SCALAR_INPUTS: Partial<Record<OpName, readonly number[]>> = { clip: [1, 2], step: [1] };

const isCondition = (node: GraphNode): boolean => OPS[node.op].boolean === true;

export function evaluateTfjs(rt: TfjsRuntime, graph: Graph, inputs: Record<string, Float32Array>): TfjsEvaluation {
  const { tf } = rt;
  const n = batchSize(graph, inputs);
  const forwardNodes = graph.nodes.filter((node) => node.pass === 'forward');
  const forward = new Map<number, Float32Array>();
  const shapes = new Map<number, number[]>();
  const differentiated = varsReachingOutput(graph);
  let value = new Float32Array(n);
  const grads: Record<string, Float32Array> = userRecord();

  tf.tidy(() => {
    // Pass 1: every forward node, off the tape.
    const varTensors = new Map(graph.vars.map((v) => [v, tf.tensor1d(inputs[v]!, 'float32')] as const));
    const pass1 = new Map<number, Tensor>();
    for (const node of forwardNodes) {
      const t = evaluateNode(tf, graph, node, pass1, varTensors);
      pass1.set(node.id, t);
      shapes.set(node.id, t.shape);
      forward.set(node.id, broadcastValues(t, n));
    }
    value = forward.get(graph.output)!.slice();

    // Pass 2: the numeric path from the variables to the output, on the tape.
    for (const v of graph.vars) grads[v] = new Float32Array(n);
    if (differentiated.length === 0) return;
    const f = (...xs: Tensor[]): Tensor => {
      const onTape = new Map(differentiated.map((v, i) => [v, xs[i]!] as const));
      const values = new Map<number, Tensor>();
      for (const id of numericPathToOutput(graph)) {
        const node = graph.nodes[id]!;
        const t = isCondition(node)
          ? tf.tensor(toBool(forward.get(id)!, shapes.get(id)!), shapes.get(id)!, 'bool')
          : evaluateNode(tf, graph, node, values, onTape);
        values.set(id, t);
      }
      const out = values.get(graph.output)!;
      if (xs.includes(out)) return tf.clone(out); // y = x: TF.js needs an op on the tape between them
      return out.size === n && out.rank === 1 ? out : tf.broadcastTo(out, [n]);
    };
    const result = tf.valueAndGrads(f)(differentiated.map((v) => varTensors.get(v)!));
    differentiated.forEach((v, i) => {
      grads[v] = Float32Array.from(result.grads[i]!.dataSync() as Float32Array);
    });
  });
  return { value, grads, forward };
}

function evaluateNode(
  tf: TfModule,
  graph: Graph,
  node: GraphNode,
  values: ReadonlyMap<number, Tensor>,
  vars: ReadonlyMap<string, Tensor>,
): Tensor {
  if (node.op === 'const') return tf.scalar(Math.fround(node.value!), 'float32');
  if (node.op === 'var') {
    const t = vars.get(node.name!);
    if (!t) throw new Error(`variable '${node.name}' has no tensor`);
    return t;
  }
  const scalars = SCALAR_INPUTS[node.op] ?? [];
  const scalarInput = (index: number): number => {
    const input = graph.nodes[node.inputs[index]!]!;
    if (input.op === 'const') return Math.fround(input.value!);
    throw new Error(`${node.op} (node ${node.id}): operand ${index} must be a constant`);
  };
  const operands = node.inputs.map((id, i) => (scalars.includes(i) ? undefined : values.get(id))) as Tensor[];
  if (operands.some((t, i) => t === undefined && !scalars.includes(i))) {
    throw new Error(`node ${node.id} (${node.op}) is evaluated before one of its inputs`);
  }
  return KERNELS[node.op](operands, { tf, node, scalarInput });
}

/**
 * The forward nodes whose values the output depends on through numbers, in id (topological)
 * order; conditions are included but not their inputs, as conditions are constants on the tape.
 */
function numericPathToOutput(graph: Graph): number[] {
  const needed = new Set<number>();
  const visit = (id: number): void => {
    if (needed.has(id)) return;
    needed.add(id);
    const node = graph.nodes[id]!;
    if (isCondition(node)) return;
    const scalars = SCALAR_INPUTS[node.op] ?? [];
    node.inputs.forEach((input, i) => {
      if (!scalars.includes(i)) visit(input);
    });
  };
  visit(graph.output);
  return [...needed].sort((a, b) => a - b);
}

/** The variables tf.grads can differentiate: those the output depends on through numbers (else TF.js throws). */
function varsReachingOutput(graph: Graph): string[] {
  const reached = new Set(numericPathToOutput(graph).map((id) => graph.nodes[id]!).filter((n) => n.op === 'var').map((n) => n.name!));
  return graph.vars.filter((v) => reached.has(v));
}

function batchSize(graph: Graph, inputs: Record<string, Float32Array>): number {
  if (graph.vars.length === 0) return 1;
  const sizes = graph.vars.map((v) => {
    const x = inputs[v];
    if (x === undefined) throw new Error(`no input values for variable '${v}'`);
    return x.length;
  });
  if (sizes.some((s) => s !== sizes[0])) throw new Error(`input batches differ in length: ${sizes.join(', ')}`);
  return sizes[0]!;
}

/** A node's values as float32 per sample (a scalar repeated, a condition as 0/1). */
function broadcastValues(t: Tensor, n: number): Float32Array {
  const data = t.dataSync();
  const out = new Float32Array(n);
  if (data.length === n) out.set(data as ArrayLike<number>);
  else if (data.length === 1) out.fill(Number(data[0]));
  else throw new Error(`a node evaluated to ${data.length} values for a batch of ${n}`);
  return out;
}

function toBool(values: Float32Array, shape: number[]): Uint8Array {
  const size = shape.reduce((a, b) => a * b, 1);
  return Uint8Array.from(values.subarray(0, size), (x) => (x !== 0 ? 1 : 0));
}
