import { UserError } from '../base/user-error.js';
import { CALLABLE, PREFIXES, VOCABULARY, aritiesOf, countsText, variantOf, type OpName } from '../vocab/ops.js';
import { type Expr, type Program, type Statement } from './ast.js';
import { COMPARISON, INFIX, NOT_OPERAND, SIGN_OPERAND } from './binding-power.js';
import { type Span } from '../base/span.js';
import { spanMaker, tokenize, type Token } from './lexer.js';
import { suggest } from './suggest.js';
import { quote, shown } from './quote.js';

/** pi and e, as the parser expands them (a number node with this text). */
export const CONSTANTS: ReadonlyMap<string, string> = new Map([
  ['pi', '3.14159265358979323846264338327950288419716939937510582097494'],
  ['e', '2.71828182845904523536028747135266249775724709369995957496697'],
]);
/** JavaScript's spellings, accepted after Math. only. */
const JS_CONSTANTS: ReadonlyMap<string, string> = new Map([['PI', 'pi'], ['E', 'e']]);
const NON_FINITE = new Set(['inf', 'Inf', 'INF', 'infinity', 'Infinity', 'nan', 'NaN', 'NAN']);
const WORDS: ReadonlyMap<string, { message: string; hint: string }> = new Map([
  ['lambda', { message: "'lambda' is not supported", hint: 'define a function on its own line: f(x) = ...' }],
  ['def', { message: "'def' is not supported", hint: 'write a function on one line: f(x) = body' }],
  ['return', { message: "'return' is not supported", hint: "the last statement is the expression under test; write it without 'return'" }],
  ['if', { message: 'conditional expressions are not supported', hint: 'use where(condition, a, b)' }],
  ['else', { message: 'conditional expressions are not supported', hint: 'use where(condition, a, b)' }],
  ['import', { message: "'import' is not needed", hint: 'prefixes such as tf., torch. and np. are accepted and ignored' }],
  ['from', { message: "'from' is not needed", hint: 'prefixes such as tf., torch. and np. are accepted and ignored' }],
]);
const LOGIC_WORDS = new Set(['and', 'or', 'not']);

/**
 * The deepest nesting the parser takes: parentheses, operands of operators and arguments of calls, and the depth of the
 * tree once functions are inlined. It keeps the recursive parser and every later stage (graph building, evaluation)
 * far from the call-stack limit, whatever the input.
 */
export const MAX_NESTING = 200;
const TOO_DEEP = `nested more than ${MAX_NESTING} levels deep`;
const SORTED_PREFIXES = [...PREFIXES].sort((a, b) => b.length - a.length);

/** Splits a written name into a known framework prefix (longest first, or '') and the rest. */
export function stripPrefix(written: string): { prefix: string; rest: string } {
  const prefix = SORTED_PREFIXES.find((p) => written.startsWith(p) && written.length > p.length) ?? '';
  return { prefix, rest: written.slice(prefix.length) };
}

/** Parses a program (definitions, then the expression under test). Throws UserError. */
export function parseProgram(source: string, file?: string): Program {
  const statements = new ProgramParser(source, tokenize(source)).program();
  return file === undefined ? { source, statements } : { source, file, statements };
}

/** An expression and the extent of its written text, parentheses included. */
interface Parsed {
  expr: Expr;
  start: number;
  end: number;
  /**
   * Operations on the longest path from the root to a leaf (a leaf is 0), with the bodies of the functions it calls
   * inlined: what graph building recurses through.
   */
  depth: number;
}

type StatementKind = Statement['kind'];

const isOp = (t: Token | undefined, text: string) => t !== undefined && t.kind === 'op' && t.text === text;
const startsOperand = (t: Token) =>
  t.kind === 'number' || (t.kind === 'name' && t.text !== 'and' && t.text !== 'or') || isOp(t, '(') || isOp(t, '~');

/** `t = ...` is a let, `f(a, b) = ...` a def; decided by looking ahead to the '='. */
function statementKind(tokens: readonly Token[], i: number): StatementKind {
  if (tokens[i]!.kind !== 'name') return 'expr';
  if (isOp(tokens[i + 1], '=')) return 'let';
  if (!isOp(tokens[i + 1], '(')) return 'expr';
  let depth = 0;
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === 'eof' || t.kind === 'separator') return 'expr';
    if (isOp(t, '(')) depth++;
    else if (isOp(t, ')') && --depth === 0) return isOp(tokens[j + 1], '=') ? 'def' : 'expr';
  }
  return 'expr';
}

/** Every name a statement defines, with the line of its first definition, so a use before it can be reported. */
function definitions(tokens: readonly Token[]): Map<string, { kind: StatementKind; line: number }> {
  const found = new Map<string, { kind: StatementKind; line: number }>();
  let i = 0;
  while (i < tokens.length && tokens[i]!.kind !== 'eof') {
    if (tokens[i]!.kind === 'separator') {
      i++;
      continue;
    }
    const kind = statementKind(tokens, i);
    const name = tokens[i]!;
    if (kind !== 'expr' && !found.has(name.text)) found.set(name.text, { kind, line: name.span.line });
    while (tokens[i]!.kind !== 'separator' && tokens[i]!.kind !== 'eof') i++;
  }
  return found;
}

class ProgramParser {
  private pos = 0;
  private readonly span: (start: number, end: number) => Span;
  /** Names defined so far (let) and functions defined so far, with the line of their definition. */
  private readonly lets = new Map<string, number>();
  private readonly functions = new Map<string, { arity: number; line: number; depth: number }>();
  /** Calls of expr() under way: the recursion depth of the parser itself. */
  private nesting = 0;
  private readonly defined: ReadonlyMap<string, { kind: StatementKind; line: number }>;
  /** Inside a definition: its name, kind, and (for a def) its parameters. */
  private current: { name: string; kind: StatementKind; params: ReadonlySet<string> } | undefined;

  constructor(private readonly source: string, private readonly tokens: readonly Token[]) {
    this.span = spanMaker(source);
    this.defined = definitions(tokens);
  }

  program(): Statement[] {
    const statements: Statement[] = [];
    this.skipSeparators();
    while (this.peek().kind !== 'eof') {
      const previous = statements[statements.length - 1];
      if (previous?.kind === 'expr') {
        throw new UserError('only the last statement can be an expression', previous.span, 'bind it to a name (t = ...) or remove it');
      }
      const kind = statementKind(this.tokens, this.pos);
      statements.push(kind === 'let' ? this.letStatement() : kind === 'def' ? this.defStatement() : this.exprStatement());
      const after = this.peek();
      if (after.kind !== 'separator' && after.kind !== 'eof') throw this.unexpectedAfterExpression(after);
      this.skipSeparators();
    }
    const last = statements[statements.length - 1];
    if (last === undefined) throw new UserError('the program is empty', this.peek().span, 'write an expression such as exp(x) - 1');
    if (last.kind !== 'expr') {
      const example = last.kind === 'let' ? last.name : `${last.name}(${last.params.join(', ')})`;
      throw new UserError('the last statement must be the expression under test', last.span, `add a last line such as ${shown(example)}`);
    }
    return statements;
  }

  private letStatement(): Statement {
    const name = this.next();
    this.checkDefinable(name);
    this.next(); // '='
    const body = this.within({ name: name.text, kind: 'let', params: new Set() }, () => this.expr(0));
    this.lets.set(name.text, name.span.line);
    return { kind: 'let', name: name.text, body: body.expr, span: this.span(name.span.start, body.end) };
  }

  private defStatement(): Statement {
    const name = this.next();
    this.checkDefinable(name);
    if (CALLABLE.has(name.text)) throw new UserError(`${quote(name.text)} is a built-in function and cannot be redefined`, name.span);
    this.next(); // '('
    const params = new Set<string>();
    if (isOp(this.peek(), ')')) this.next();
    else {
      for (;;) {
        const param = this.next();
        this.checkParameter(param, params);
        params.add(param.text);
        const after = this.next();
        if (isOp(after, ')')) break;
        if (!isOp(after, ',')) throw new UserError(`expected ',' or ')' after parameter ${quote(param.text)}`, after.span);
      }
    }
    this.next(); // '=': statementKind saw it after the ')'
    const body = this.within({ name: name.text, kind: 'def', params }, () => this.expr(0));
    this.functions.set(name.text, { arity: params.size, line: name.span.line, depth: body.depth });
    return { kind: 'def', name: name.text, params: [...params], body: body.expr, span: this.span(name.span.start, body.end) };
  }

  private exprStatement(): Statement {
    const body = this.expr(0);
    return { kind: 'expr', body: body.expr, span: this.span(body.start, body.end) };
  }

  private within<T>(current: NonNullable<ProgramParser['current']>, parse: () => T): T {
    this.current = current;
    const result = parse();
    this.current = undefined;
    return result;
  }

  private checkDefinable(name: Token): void {
    const text = name.text;
    if (text.includes('.')) throw new UserError(`cannot define ${quote(text)}`, name.span, 'a definition needs a plain name, without dots');
    this.checkWord(name);
    if (LOGIC_WORDS.has(text)) throw new UserError(`'${text}' is a reserved word`, name.span);
    const line = this.lets.get(text) ?? this.functions.get(text)?.line;
    if (line !== undefined) throw new UserError(`${quote(text)} is already defined on line ${line}`, name.span);
  }

  private checkParameter(param: Token, earlier: ReadonlySet<string>): void {
    const text = param.text;
    if (param.kind !== 'name' || text.includes('.') || LOGIC_WORDS.has(text) || WORDS.has(text) || NON_FINITE.has(text)) {
      throw new UserError(`expected a parameter name, found ${quote(text)}`, param.span, 'parameters are plain names: f(x, y) = ...');
    }
    if (earlier.has(text)) throw new UserError(`duplicate parameter ${quote(text)}`, param.span);
    const line = this.lets.get(text) ?? this.functions.get(text)?.line;
    if (line !== undefined) {
      throw new UserError(`parameter ${quote(text)} has the same name as the definition on line ${line}`, param.span, 'rename the parameter');
    }
  }

  /** Python keywords we do not take, and inf/nan, each with a pointer to what to write instead. */
  private checkWord(t: Token): void {
    const word = WORDS.get(t.text);
    if (word) throw new UserError(word.message, t.span, word.hint);
    const { rest } = stripPrefix(t.text);
    if (NON_FINITE.has(rest)) {
      if (rest.toLowerCase().startsWith('inf')) {
        throw new UserError(`${quote(t.text)} is not supported`, t.span, 'infinity is not a literal; write a large finite number such as 1e30');
      }
      throw new UserError(`${quote(t.text)} is not supported`, t.span, 'NaN is not a literal; the scan reports where NaN appears');
    }
  }

  /**
   * One level of the parser's recursion (a statement's expression is level 0; a parenthesis, an operand or an argument
   * enters one more); deeper than MAX_NESTING is an error at the token that opens the level.
   */
  private expr(minPower: number): Parsed {
    // Past level 0 the previous token opened this level: a '(', a prefix or infix operator, or a call's '(' or ','.
    if (this.nesting > MAX_NESTING) throw new UserError(TOO_DEEP, this.tokens[this.pos - 1]!.span, 'bind part of it to a name (t = ...)');
    this.nesting++;
    try {
      return this.infixChain(minPower);
    } finally {
      this.nesting--;
    }
  }

  private infixChain(minPower: number): Parsed {
    let left = this.operand(minPower);
    let compared = false;
    for (;;) {
      const t = this.peek();
      const infix = t.kind === 'op' || t.kind === 'name' ? INFIX.get(t.text) : undefined;
      if (infix === undefined || infix.left < minPower) return left;
      if (compared && infix.left === COMPARISON) this.chainedComparison(left, t);
      this.next();
      const right = this.expr(infix.right);
      // A left-associative chain (a + b + c + ...) deepens the tree without deepening the parser.
      const depth = this.checkDepth(1 + Math.max(left.depth, right.depth), t.span, 'a long chain of operators nests as deep as it is long');
      const span = this.span(left.start, right.end);
      left = { expr: { kind: 'binary', op: infix.op, left: left.expr, right: right.expr, span }, start: left.start, end: right.end, depth };
      compared = infix.left === COMPARISON;
    }
  }

  private checkDepth(depth: number, span: Span, why: string): number {
    if (depth > MAX_NESTING) throw new UserError(TOO_DEEP, span, `${why}; bind part of it to a name (t = ...)`);
    return depth;
  }

  private chainedComparison(left: Parsed, op: Token): never {
    this.next();
    const right = this.expr(COMPARISON + 1);
    const middle = (left.expr as Extract<Expr, { kind: 'binary' }>).right.span;
    const parts = [[left.start, left.end], [middle.start, middle.end], [right.start, right.end]].map(([s, e]) => this.source.slice(s, e));
    const [a, b, c] = parts.map((p) => shown(p)) as [string, string, string];
    // Quote the user's operands only when they are short and plain; otherwise the excerpt shows them.
    const plain = parts.every((p, i) => p.length <= 40 && shown(p) === [a, b, c][i] && !p.includes('#'));
    const hint = plain ? `write (${a}) & (${b} ${op.text} ${c})` : 'write (a < b) & (b < c)';
    throw new UserError('chained comparisons are not supported', this.span(left.start, right.end), hint);
  }

  private operand(minPower: number): Parsed {
    const t = this.next();
    const { start, end } = t.span;
    if (t.kind === 'number') return { expr: { kind: 'number', text: t.text, span: t.span }, start, end, depth: 0 };
    if (isOp(t, '(')) {
      const inner = this.expr(0);
      const close = this.close(t);
      return { expr: inner.expr, start, end: close.span.end, depth: inner.depth };
    }
    if (isOp(t, '-') || isOp(t, '+')) return this.unary(t, t.text as '-' | '+', SIGN_OPERAND);
    if (isOp(t, '~') || (t.kind === 'name' && t.text === 'not')) {
      if (minPower > NOT_OPERAND) {
        throw new UserError(`'${t.text}' needs parentheses here`, t.span, 'it binds looser than comparisons and arithmetic');
      }
      return this.unary(t, '~', NOT_OPERAND);
    }
    if (t.kind === 'name' && !LOGIC_WORDS.has(t.text)) {
      this.checkWord(t);
      return isOp(this.peek(), '(') ? this.call(t) : this.nameReference(t);
    }
    throw this.missingOperand(t);
  }

  private unary(t: Token, op: '-' | '+' | '~', power: number): Parsed {
    const arg = this.expr(power);
    const depth = this.checkDepth(arg.depth + 1, t.span, 'a long chain of operators nests as deep as it is long');
    return { expr: { kind: 'unary', op, arg: arg.expr, span: this.span(t.span.start, arg.end) }, start: t.span.start, end: arg.end, depth };
  }

  private call(name: Token): Parsed {
    const open = this.next();
    const callee = this.callee(name);
    const args: Expr[] = [];
    let argDepth = 0;
    let close: Token | undefined;
    if (isOp(this.peek(), ')')) close = this.next();
    while (close === undefined) {
      if (this.peek().kind === 'name' && isOp(this.peekAt(1), '=')) this.keywordArgument(callee.name);
      const arg = this.expr(0);
      args.push(arg.expr);
      argDepth = Math.max(argDepth, arg.depth);
      if (!isOp(this.peek(), ',')) {
        close = this.close(open);
        break;
      }
      this.next();
      if (isOp(this.peek(), ')')) close = this.next();
    }
    const span = this.span(name.span.start, close.span.end);
    const op = callee.op === null ? null : variantOf(callee.op, args.length);
    if (op === undefined || (callee.op === null && args.length !== callee.arity)) {
      const counts = callee.op === null ? [callee.arity] : aritiesOf(callee.op);
      const s = counts.length === 1 && counts[0] === 1 ? '' : 's';
      throw new UserError(`${shown(name.text)} takes ${countsText(counts)} argument${s}, got ${args.length}`, span);
    }
    const depth = this.checkDepth(1 + Math.max(argDepth, callee.depth), name.span, 'counting the bodies of the functions it calls');
    return { expr: { kind: 'call', callee: callee.name, op, calleeSpan: name.span, args, span }, start: span.start, end: span.end, depth };
  }

  private keywordArgument(callee: string): never {
    const keyword = this.peek();
    const span = this.span(keyword.span.start, this.peekAt(1).span.end);
    const clamp = CALLABLE.get(callee) === 'clip' ? '; for one bound use maximum(x, lo) or minimum(x, hi)' : '';
    throw new UserError('keyword arguments are not supported', span, `pass arguments by position${clamp}`);
  }

  /** Resolves a written function name (prefix stripped) to an op spelling or an earlier definition; depth is its inlined body's. */
  private callee(name: Token): { name: string; arity: number; op: OpName | null; depth: number } {
    const { prefix, rest } = stripPrefix(name.text);
    const fn = this.functions.get(rest);
    if (fn) return { name: rest, arity: fn.arity, op: null, depth: fn.depth };
    const op = CALLABLE.get(rest);
    if (op) return { name: rest, arity: VOCABULARY[op].arity, op, depth: 0 };
    if (this.current?.kind === 'def' && rest === this.current.name) {
      throw new UserError(`${quote(rest)} cannot call itself`, name.span, 'recursive definitions are not supported');
    }
    const later = this.defined.get(rest);
    if (later?.kind === 'def') throw new UserError(`${quote(rest)} is used before its definition`, name.span, `it is defined on line ${later.line}`);
    if (later || this.current?.params.has(rest)) throw new UserError(`${quote(rest)} is not a function`, name.span);
    const candidates = [...CALLABLE.keys(), ...this.functions.keys()];
    const near = suggest(rest, candidates);
    const last = rest.slice(rest.lastIndexOf('.') + 1);
    const hint = near !== undefined ? `did you mean ${prefix}${near}?`
      : last !== rest && CALLABLE.has(last) ? `${quote(name.text.slice(0, -last.length))} is not a known prefix; write ${last}(...)`
      : undefined;
    throw new UserError(`unknown function ${quote(name.text)}`, name.span, hint);
  }

  /**
   * A name not followed by '(': a parameter, an earlier let, pi or e, or a free variable. A program may bind
   * pi or e itself (e = exp(-x) is common); that binding then hides the constant in the whole program.
   */
  private nameReference(t: Token): Parsed {
    const { start, end } = t.span;
    const written = t.text;
    // pi and e keep their exact meaning for the ground truth (constant), and 60 digits of text for the floats
    const constant = (named: string): Parsed => ({ expr: { kind: 'number', text: CONSTANTS.get(named)!, constant: named as 'pi' | 'e', span: t.span }, start, end, depth: 0 });
    if (written.includes('.')) {
      const { prefix, rest } = stripPrefix(written);
      const known = prefix === '' ? undefined : CONSTANTS.has(rest) ? rest : prefix === 'Math.' && CONSTANTS.has(JS_CONSTANTS.get(rest) ?? '') ? JS_CONSTANTS.get(rest) : undefined;
      if (known !== undefined) return constant(known);
      const near = prefix === '' ? undefined : suggest(rest, [...CONSTANTS.keys()]);
      const hint = CALLABLE.has(rest) ? `it is a function; call it as ${written}(...)`
        : near !== undefined ? `did you mean ${prefix}${near}?`
        : prefix !== '' ? 'only pi and e can follow a prefix; variables are plain names'
        : 'names cannot contain dots, except after a framework prefix (np.pi, tf.exp(x))';
      throw new UserError(`unknown name ${quote(written)}`, t.span, hint);
    }
    const name: Parsed = { expr: { kind: 'name', name: written, span: t.span }, start, end, depth: 0 };
    if (this.current?.params.has(written) || this.lets.has(written)) return name;
    if (this.functions.has(written)) throw new UserError(`${quote(written)} is a function; call it as ${shown(written)}(...)`, t.span);
    if (this.current?.name === written) throw new UserError(`${quote(written)} is used in its own definition`, t.span);
    const later = this.defined.get(written);
    const constantHidden = CONSTANTS.has(written) ? `; the program's own ${written} hides the constant (np.${written} is still the constant)` : '';
    if (later) throw new UserError(`${quote(written)} is used before its definition`, t.span, `it is defined on line ${later.line}${constantHidden}`);
    return CONSTANTS.has(written) ? constant(written) : name;
  }

  /** Expects the ')' matching open; an end of statement, or a new line where an operator belongs, means it is unclosed. */
  private close(open: Token): Token {
    const t = this.peek();
    if (isOp(t, ')')) return this.next();
    if (t.kind === 'eof' || t.kind === 'separator' || (t.newlineBefore && startsOperand(t))) {
      throw new UserError("unclosed '('", open.span);
    }
    throw this.unexpectedAfterExpression(t);
  }

  private missingOperand(t: Token): UserError {
    if (t.kind === 'eof' || (t.text === '\n' && this.onlySeparatorsFrom(this.pos - 1))) {
      return new UserError('unexpected end of input', t.span);
    }
    if (t.text === '\n') return new UserError('unexpected end of line', t.span);
    return new UserError(`missing operand before ${quote(t.text)}`, t.span);
  }

  private onlySeparatorsFrom(index: number): boolean {
    for (let i = index; i < this.tokens.length; i++) {
      const kind = this.tokens[i]!.kind;
      if (kind !== 'separator' && kind !== 'eof') return false;
    }
    return true;
  }

  /** t follows a complete expression but cannot continue it. */
  private unexpectedAfterExpression(t: Token): UserError {
    if (t.kind === 'name') this.checkWord(t);
    if (startsOperand(t)) {
      const before = this.tokens[this.pos - 1]!;
      const glued = before.kind === 'number' && t.kind === 'name' && before.span.end === t.span.start;
      return new UserError(`missing operator before ${quote(t.text)}`, t.span, glued ? `write ${shown(before.text)} * ${shown(t.text)}` : undefined);
    }
    if (isOp(t, '=')) {
      return new UserError("unexpected '='", t.span, 'use == to compare; only a name (t = ...) or a function (f(x) = ...) can be defined');
    }
    if (isOp(t, ')')) return new UserError("unmatched ')'", t.span);
    return new UserError(`unexpected ${quote(t.text)}`, t.span);
  }

  /** The next token; reaching text the lexer could not read throws its error. */
  private peek(): Token {
    return this.peekAt(0);
  }

  private peekAt(offset: number): Token {
    const t = this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
    if (t.error) throw t.error;
    return t;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private skipSeparators(): void {
    while (this.peek().kind === 'separator') this.pos++;
  }
}
