import fc from 'fast-check';
import type { BinaryOperator, Expr, Statement } from '../../src/parse/ast.js';
import type { OpName } from '../../src/vocab/ops.js';

/**
 * Random programs of the expression language, written independently of the parser: a generated tree is rendered to
 * text (every compound operand in parentheses, with random spellings, prefixes, spaces, line breaks and comments) and
 * resolved, at the same time, to the AST the parser must build from that text (spans aside). Trees are context-free
 * so fast-check can shrink them: a name or a user function is an index, resolved against what is in scope.
 */

type Arith = '+' | '-' | '*' | '/' | '**';
type Compare = '<' | '<=' | '>' | '>=' | '==' | '!=';

export type RawNum =
  | { t: 'num'; text: string }
  | { t: 'const'; which: 'pi' | 'e'; style: number }
  | { t: 'ref'; i: number }
  | { t: 'sign'; op: '-' | '+'; a: RawNum; style: number }
  | { t: 'bin'; op: Arith; a: RawNum; b: RawNum; style: number }
  | { t: 'fn'; i: number; args: RawNum[]; style: number }
  | { t: 'user'; i: number; args: RawNum[]; style: number }
  | { t: 'where'; c: RawCond; a: RawNum; b: RawNum; style: number }
  | { t: 'clip'; x: RawNum; lo: RawNum; hi: RawNum; style: number }
  | { t: 'deep'; levels: number; kind: number; a: RawNum }
  /** A condition where a number belongs: in a typed program it becomes where(c, 1, 0). */
  | { t: 'cross'; c: RawCond };

export type RawCond =
  | { t: 'cmp'; op: Compare; a: RawNum; b: RawNum; style: number }
  | { t: 'not'; c: RawCond; style: number }
  | { t: 'logic'; op: '&' | '|'; a: RawCond; b: RawCond; style: number }
  /** A number where a condition belongs: loose programs only; a typed one compares it with 0. */
  | { t: 'numeric'; a: RawNum };

export type RawStatement = { kind: 'let'; body: RawNum; name: number } | { kind: 'def'; params: number; body: RawNum };
export interface RawProgram {
  statements: RawStatement[];
  body: RawNum;
  style: number;
}

/**
 * The free variables a program may use (pi and e are constants, so never free); __proto__ checks that user names are
 * not looked up in plain objects.
 */
export const VARIABLES = ['x', 'y', 'z', '__proto__'] as const;
/** pi and e to 60 significant digits, as docs/expression-language.md promises. */
export const CONSTANT_TEXT = {
  pi: '3.14159265358979323846264338327950288419716939937510582097494',
  e: '2.71828182845904523536028747135266249775724709369995957496697',
};
const CONSTANT_SPELLINGS = { pi: ['np.pi', 'math.pi', 'Math.PI', 'torch.pi', 'tf.math.pi'], e: ['np.e', 'math.e', 'Math.E', 'jnp.e'] };

/** Function spellings, as docs/expression-language.md lists them, for ops taking and giving numbers. */
const NUMBER_FUNCTIONS: [OpName, number, string[]][] = [
  ['exp', 1, ['exp']], ['expm1', 1, ['expm1']], ['log', 1, ['log']], ['log1p', 1, ['log1p']],
  ['sqrt', 1, ['sqrt']], ['square', 1, ['square']], ['reciprocal', 1, ['reciprocal']], ['pow', 2, ['pow', 'power']],
  ['abs', 1, ['abs', 'fabs', 'absolute']], ['sign', 1, ['sign']], ['neg', 1, ['negative', 'neg']],
  ['sin', 1, ['sin']], ['cos', 1, ['cos']], ['tan', 1, ['tan']], ['asin', 1, ['asin', 'arcsin']], ['acos', 1, ['acos', 'arccos']],
  ['atan', 1, ['atan', 'arctan']], ['atan2', 2, ['atan2', 'arctan2']], ['sinh', 1, ['sinh']], ['cosh', 1, ['cosh']], ['tanh', 1, ['tanh']],
  ['sigmoid', 1, ['sigmoid', 'expit']], ['softplus', 1, ['softplus']],
  ['relu', 1, ['relu']], ['relu6', 1, ['relu6']], ['logSigmoid', 1, ['log_sigmoid', 'logsigmoid']], ['logaddexp', 2, ['logaddexp']],
  ['erf', 1, ['erf']], ['erfc', 1, ['erfc']], ['rsqrt', 1, ['rsqrt']], ['softsign', 1, ['softsign', 'soft_sign']],
  ['elu', 1, ['elu']], ['selu', 1, ['selu']], ['silu', 1, ['silu', 'swish']], ['gelu', 1, ['gelu']], ['geluTanh', 1, ['gelu_tanh']],
  ['mish', 1, ['mish']], ['xlogy', 2, ['xlogy']], ['xlog1py', 2, ['xlog1py']], ['asinh', 1, ['asinh', 'arcsinh']],
  ['acosh', 1, ['acosh', 'arccosh']], ['atanh', 1, ['atanh', 'arctanh']], ['log2', 1, ['log2']], ['log10', 1, ['log10']],
  ['hypot', 2, ['hypot']], ['sinc', 1, ['sinc']], ['floor', 1, ['floor']], ['ceil', 1, ['ceil']], ['round', 1, ['round', 'rint']],
  ['logsumexp', 2, ['logsumexp', 'reduce_logsumexp']], ['norm', 2, ['norm']], ['bceTorch', 2, ['binary_cross_entropy']], ['bceLogitsTorch', 2, ['binary_cross_entropy_with_logits']], ['toFloat32', 1, ['round_to_float32']],
  ['maximum', 2, ['maximum', 'max', 'fmax']], ['minimum', 2, ['minimum', 'min', 'fmin']],
  ['add', 2, ['add']], ['sub', 2, ['subtract']], ['mul', 2, ['multiply']], ['div', 2, ['divide', 'truediv', 'true_divide', 'div']],
];
const ARITH_FUNCTIONS: Record<Arith, [OpName, string[]]> = {
  '+': ['add', ['add']], '-': ['sub', ['subtract']], '*': ['mul', ['multiply']], '/': ['div', ['divide', 'div']], '**': ['pow', ['pow', 'power']],
};
const COMPARE_FUNCTIONS: Record<Compare, [OpName, string]> = {
  '<': ['less', 'less'], '<=': ['lessEqual', 'less_equal'], '>': ['greater', 'greater'],
  '>=': ['greaterEqual', 'greater_equal'], '==': ['equal', 'equal'], '!=': ['notEqual', 'not_equal'],
};
/** Every op a generated program can call by name, to check the generator against the vocabulary. */
export const GENERATED_SPELLINGS: ReadonlyMap<string, OpName> = new Map([
  ...NUMBER_FUNCTIONS.flatMap(([op, , spellings]) => spellings.map((s): [string, OpName] => [s, op])),
  ...Object.values(ARITH_FUNCTIONS).flatMap(([op, spellings]) => spellings.map((s): [string, OpName] => [s, op])),
  ...Object.values(COMPARE_FUNCTIONS).map(([op, s]): [string, OpName] => [s, op]),
  ['where', 'where'], ['select', 'where'], ['clip', 'clip'], ['clip_by_value', 'clip'], ['clamp', 'clip'], ['clipByValue', 'clip'],
  ['logical_and', 'logicalAnd'], ['logical_or', 'logicalOr'], ['logical_not', 'logicalNot'],
  // its slope must be a constant, as clip's bounds: spelled here, not generated with a random slope
  ['leaky_relu', 'leakyRelu'], ['leakyRelu', 'leakyRelu'],
]);

const PREFIX_CHOICES = ['', '', '', 'tf.', 'tf.math.', 'np.', 'torch.', 'jnp.', 'math.', 'F.', 'scipy.special.'];
const SPACES = ['', ' ', ' ', '  ', '\t'];
/** After '(' , ',' or an operator a line break or a comment cannot end the statement. */
const BREAKS = ['', ' ', ' ', '\n  ', ' # note\n'];

export const numberText = fc.oneof(
  fc.constantFrom(
    '0', '1', '2', '3', '10', '0.5', '.5', '5.', '0.1', '0.000', '1E+3', '2.5e10', '1e-7', '1e308', '1.7976931348623157e308',
    '1e309', '5e-324', '1e-330', '1e999999', '1e-999999', '123456789012345678901234567890', '1e9000000000000000', '0.30000000000000004',
  ),
  fc.tuple(fc.nat(99_999), fc.nat(999), fc.integer({ min: -400, max: 400 }), fc.nat(3)).map(([i, f, e, style]) =>
    style === 0 ? `${i}` : style === 1 ? `${i}.${f}` : style === 2 ? `${i}e${e}` : `${i}.${f}E${e >= 0 ? '+' : ''}${e}`),
);

const style = fc.nat(9_999);

const bound = numberText.map((text): RawNum => ({ t: 'num', text }));

function rawArbitraries(loose: boolean) {
  return fc.letrec<{ num: RawNum; cond: RawCond; leaf: RawNum }>((tie) => ({
    leaf: fc.oneof(
      { arbitrary: numberText.map((text): RawNum => ({ t: 'num', text })), weight: 3 },
      { arbitrary: fc.nat(20).map((i): RawNum => ({ t: 'ref', i })), weight: 4 },
      { arbitrary: fc.record({ t: fc.constant('const' as const), which: fc.constantFrom('pi' as const, 'e' as const), style }), weight: 1 },
    ),
    num: fc.oneof(
      { depthSize: 'small', maxDepth: 7, withCrossShrink: true },
      { arbitrary: tie('leaf'), weight: 6 },
      { arbitrary: fc.record({ t: fc.constant('sign' as const), op: fc.constantFrom('-' as const, '+' as const), a: tie('num'), style }), weight: 2 },
      { arbitrary: fc.record({ t: fc.constant('bin' as const), op: fc.constantFrom<Arith>('+', '-', '*', '/', '**'), a: tie('num'), b: tie('num'), style }), weight: 5 },
      { arbitrary: fc.record({ t: fc.constant('fn' as const), i: fc.nat(100), args: fc.array(tie('num'), { minLength: 2, maxLength: 2 }), style }), weight: 5 },
      { arbitrary: fc.record({ t: fc.constant('user' as const), i: fc.nat(10), args: fc.array(tie('num'), { minLength: 3, maxLength: 3 }), style }), weight: 2 },
      { arbitrary: fc.record({ t: fc.constant('where' as const), c: tie('cond'), a: tie('num'), b: tie('num'), style }), weight: 2 },
      // TF takes constant clip bounds; a loose program may try a variable (a UserError)
      { arbitrary: fc.record({ t: fc.constant('clip' as const), x: tie('num'), lo: loose ? tie('leaf') : bound, hi: loose ? tie('leaf') : bound, style }), weight: 1 },
      { arbitrary: fc.record({ t: fc.constant('deep' as const), levels: fc.integer({ min: 5, max: 60 }), kind: fc.nat(3), a: tie('leaf') }), weight: 1 },
      ...(loose ? [{ arbitrary: fc.record({ t: fc.constant('cross' as const), c: tie('cond') }), weight: 1 }] : []),
    ),
    cond: fc.oneof(
      { depthSize: 'small', maxDepth: 7, withCrossShrink: true },
      { arbitrary: fc.record({ t: fc.constant('cmp' as const), op: fc.constantFrom<Compare>('<', '<=', '>', '>=', '==', '!='), a: tie('num'), b: tie('num'), style }), weight: 4 },
      { arbitrary: fc.record({ t: fc.constant('not' as const), c: tie('cond'), style }), weight: 1 },
      { arbitrary: fc.record({ t: fc.constant('logic' as const), op: fc.constantFrom('&' as const, '|' as const), a: tie('cond'), b: tie('cond'), style }), weight: 2 },
      ...(loose ? [{ arbitrary: fc.record({ t: fc.constant('numeric' as const), a: tie('num') }), weight: 1 }] : []),
    ),
  }));
}

function programArbitrary(loose: boolean): fc.Arbitrary<RawProgram> {
  const { num } = rawArbitraries(loose);
  const statement = fc.oneof(
    fc.record({ kind: fc.constant('let' as const), body: num, name: fc.nat(20) }),
    fc.record({ kind: fc.constant('def' as const), params: fc.integer({ min: 0, max: 3 }), body: num }),
  );
  return fc.record({ statements: fc.array(statement, { maxLength: 4 }), body: num, style });
}

/** Well-typed programs: they parse and compile (unless nested past the limit). */
export const typedProgram = programArbitrary(false);
/** Programs that may use a condition as a number or a number as a condition: they parse; compile may refuse them. */
export const looseProgram = programArbitrary(true);

export interface Generated {
  text: string;
  statements: Statement[];
  [fc.toStringMethod]: () => string;
}

const NO_SPAN = { start: 0, end: 0, line: 0, column: 0 };
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

interface Scope {
  names: string[];
  functions: { name: string; arity: number }[];
}

/** Renders a raw program to text and to the AST the parser must build from it. */
export function render(raw: RawProgram, typed: boolean, variables: readonly string[] = VARIABLES): Generated {
  const lets: string[] = [];
  const functions: { name: string; arity: number }[] = [];
  const statements: Statement[] = [];
  const lines: string[] = [];
  const rendered = (e: RawNum, scope: Scope) => renderNum(e, scope, typed);
  raw.statements.forEach((st, k) => {
    const globals: Scope = { names: [...variables, ...lets], functions: [...functions] };
    if (st.kind === 'let') {
      const name = st.name % 7 === 0 && !lets.includes('e') ? 'e' : st.name % 11 === 0 && !lets.includes('pi') ? 'pi' : `t${k}`;
      const [text, body] = rendered(st.body, globals);
      lines.push(`${name}${pick(SPACES, k)}=${pick(SPACES, k + 1)}${text}`);
      statements.push({ kind: 'let', name, body, span: NO_SPAN });
      lets.push(name);
    } else {
      const name = `f${k}`;
      const params = ['a', 'x', 'b', 'y', 'c'].slice(0, st.params);
      const [text, body] = rendered(st.body, { names: [...params, ...globals.names], functions: globals.functions });
      lines.push(`${name}(${params.join(', ')}) = ${text}`);
      statements.push({ kind: 'def', name, params, body, span: NO_SPAN });
      functions.push({ name, arity: params.length });
    }
  });
  const [last, body] = rendered(raw.body, { names: [...variables, ...lets], functions });
  lines.push(last);
  statements.push({ kind: 'expr', body, span: NO_SPAN });
  const separators = ['\n', '; ', '\n\n', '  # a comment\n', '\n# a line of comment\n'];
  const program = lines.reduce((all, line, i) => (i === 0 ? line : `${all}${pick(separators, raw.style + i)}${line}`), '');
  const text = raw.style % 5 === 0 ? `# generated\n${program}\n` : program;
  // a failing case is reported by its text alone
  return { text, statements, [fc.toStringMethod]: () => JSON.stringify(text) };
}

const group = (text: string, s: number) => `(${pick(BREAKS, s)}${text}${pick(SPACES, s >> 3)})`;
const callText = (spelling: string, args: string[], s: number) =>
  `${pick(PREFIX_CHOICES, s)}${spelling}(${args.join(`,${pick(BREAKS, s >> 2)}`)}${s % 13 === 0 ? ',' : ''})`;
const call = (op: OpName | null, callee: string, args: Expr[]): Expr => ({ kind: 'call', callee, op, calleeSpan: NO_SPAN, args, span: NO_SPAN });
const binary = (op: BinaryOperator, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right, span: NO_SPAN });

function renderNum(e: RawNum, scope: Scope, typed: boolean): [string, Expr] {
  const num = (x: RawNum) => renderNum(x, scope, typed);
  const cond = (x: RawCond) => renderCond(x, scope, typed);
  switch (e.t) {
    case 'num':
      return [e.text, { kind: 'number', text: e.text, span: NO_SPAN }];
    case 'const':
      return [pick(CONSTANT_SPELLINGS[e.which], e.style), { kind: 'number', text: CONSTANT_TEXT[e.which], span: NO_SPAN }];
    case 'ref': {
      const name = pick(scope.names, e.i);
      return [name, { kind: 'name', name, span: NO_SPAN }];
    }
    case 'sign': {
      const [a, arg] = num(e.a);
      return [group(`${e.op}${pick(SPACES, e.style)}${a}`, e.style), { kind: 'unary', op: e.op, arg, span: NO_SPAN }];
    }
    case 'bin': {
      const [a, left] = num(e.a);
      const [b, right] = num(e.b);
      if (e.style % 7 === 0) {
        const [op, spellings] = ARITH_FUNCTIONS[e.op];
        const spelling = pick(spellings, e.style >> 3);
        return [callText(spelling, [a, b], e.style), call(op, spelling, [left, right])];
      }
      const written = e.op === '**' && e.style % 2 === 0 ? '^' : e.op;
      return [group(`${a}${pick(SPACES, e.style)}${written}${pick(BREAKS, e.style >> 4)}${b}`, e.style), binary(e.op, left, right)];
    }
    case 'fn': {
      const [op, arity, spellings] = pick(NUMBER_FUNCTIONS, e.i);
      const spelling = pick(spellings, e.style);
      const args = e.args.concat(e.args).slice(0, arity).map(num);
      return [callText(spelling, args.map((a) => a[0]), e.style), call(op, spelling, args.map((a) => a[1]))];
    }
    case 'user': {
      if (scope.functions.length === 0) return num({ t: 'fn', i: e.i, args: e.args, style: e.style });
      const fn = pick(scope.functions, e.i);
      const args = e.args.slice(0, fn.arity).map(num);
      return [`${fn.name}(${args.map((a) => a[0]).join(', ')})`, call(null, fn.name, args.map((a) => a[1]))];
    }
    case 'where': {
      const parts = [cond(e.c), num(e.a), num(e.b)];
      const spelling = e.style % 4 === 0 ? 'select' : 'where';
      return [callText(spelling, parts.map((p) => p[0]), e.style), call('where', spelling, parts.map((p) => p[1]))];
    }
    case 'clip': {
      const parts = [num(e.x), num(e.lo), num(e.hi)];
      const spelling = pick(['clip', 'clip_by_value', 'clamp', 'clipByValue'], e.style);
      return [callText(spelling, parts.map((p) => p[0]), e.style), call('clip', spelling, parts.map((p) => p[1]))];
    }
    case 'deep': {
      let [text, expr] = num(e.a);
      for (let i = 0; i < e.levels; i++) {
        if (e.kind === 0) text = `(${text})`;
        else if (e.kind === 1) [text, expr] = [`-${text}`, { kind: 'unary', op: '-', arg: expr, span: NO_SPAN }];
        else [text, expr] = [`${e.kind === 2 ? 'abs' : 'tanh'}(${text})`, call(e.kind === 2 ? 'abs' : 'tanh', e.kind === 2 ? 'abs' : 'tanh', [expr])];
      }
      return [e.kind === 1 ? `(${text})` : text, expr];
    }
    case 'cross': {
      const [c, condition] = cond(e.c);
      if (!typed) return [c, condition];
      const one: Expr = { kind: 'number', text: '1', span: NO_SPAN };
      const zero: Expr = { kind: 'number', text: '0', span: NO_SPAN };
      return [`where(${c}, 1, 0)`, call('where', 'where', [condition, one, zero])];
    }
  }
}

function renderCond(e: RawCond, scope: Scope, typed: boolean): [string, Expr] {
  const num = (x: RawNum) => renderNum(x, scope, typed);
  const cond = (x: RawCond) => renderCond(x, scope, typed);
  switch (e.t) {
    case 'cmp': {
      const [a, left] = num(e.a);
      const [b, right] = num(e.b);
      if (e.style % 5 === 0) {
        const [op, spelling] = COMPARE_FUNCTIONS[e.op];
        return [callText(spelling, [a, b], e.style), call(op, spelling, [left, right])];
      }
      return [group(`${a}${pick(SPACES, e.style)}${e.op}${pick(BREAKS, e.style >> 2)}${b}`, e.style), binary(e.op, left, right)];
    }
    case 'not': {
      const [c, arg] = cond(e.c);
      if (e.style % 5 === 0) return [callText('logical_not', [c], e.style), call('logicalNot', 'logical_not', [arg])];
      return [group(`${e.style % 2 === 0 ? 'not ' : '~'}${c}`, e.style), { kind: 'unary', op: '~', arg, span: NO_SPAN }];
    }
    case 'logic': {
      const [a, left] = cond(e.a);
      const [b, right] = cond(e.b);
      if (e.style % 5 === 0) {
        const spelling = e.op === '&' ? 'logical_and' : 'logical_or';
        return [callText(spelling, [a, b], e.style), call(e.op === '&' ? 'logicalAnd' : 'logicalOr', spelling, [left, right])];
      }
      const word = e.op === '&' ? ' and ' : ' or ';
      return [group(`${a}${e.style % 2 === 0 ? word : e.op}${b}`, e.style), binary(e.op, left, right)];
    }
    case 'numeric': {
      const [a, arg] = num(e.a);
      if (!typed) return [a, arg];
      return [group(`${a} != 0`, 0), binary('!=', arg, { kind: 'number', text: '0', span: NO_SPAN })];
    }
  }
}
