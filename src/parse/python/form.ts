import { UserError } from '../../base/user-error.js';
import type { Program } from '../ast.js';
import type { Framework } from './imports.js';
import { Lowering, type Env } from './lower.js';
import { readModule, type PyModule } from './module.js';
import type { PyNote } from './notes.js';
import { spanOfNode } from './syntax.js';

/** One function of a Python file lowered to the expression AST, with what the report should say about it. */
export interface PythonForm {
  program: Program;
  function: string;
  /** The parameters sampled as variables. */
  variables: string[];
  /** Parameters that took their default as a constant. */
  constants: string[];
  framework: Framework | undefined;
  notes: PyNote[];
}

/** The functions a Python file defines, in order, and the framework its imports name. */
export function pythonFunctions(source: string): { functions: string[]; framework: Framework | undefined } {
  const module = readModule(source);
  return { functions: [...module.functions.keys()], framework: module.framework };
}

/**
 * Lowers function `name` of a Python file (parsed, never run): its parameters without a default are the variables;
 * a parameter with a default is that constant, unless listed in `sampled`. Spans point into `source`.
 */
export function lowerPythonFunction(source: string, file: string | undefined, name: string | undefined, sampled: readonly string[] = []): PythonForm {
  const module = readModule(source);
  const chosen = name ?? onlyFunction(module);
  const fn = module.functions.get(chosen);
  if (fn === undefined) {
    const known = [...module.functions.keys()];
    throw new UserError(`no function '${chosen}' in ${file ?? 'the file'}`, undefined, known.length ? `its functions: ${known.join(', ')}` : 'it defines no function');
  }
  const lw = new Lowering({ module, notes: [], active: [], moduleValues: new Map(), moduleActive: new Set() });
  const env: Env = new Map();
  const variables: string[] = [];
  const constants: string[] = [];
  for (const p of fn.params) {
    if (p.default !== undefined && !sampled.includes(p.name)) {
      env.set(p.name, lw.expr(p.default, new Map()));
      constants.push(p.name);
    } else {
      env.set(p.name, { kind: 'expr', expr: { kind: 'name', name: p.name, span: spanOfNode(module.tree, p.node) } });
      variables.push(p.name);
    }
  }
  const result = lw.callFunction(fn, env, spanOfNode(module.tree, fn.nameNode));
  if (result.kind === 'tuple') throw new UserError(`'${chosen}' returns ${result.items.length} values: f-diagnose analyses one loss value`, result.span, 'return the loss alone');
  const body = lw.asExpr(result, 'the loss (a number)');
  const program: Program = { source, statements: [{ kind: 'expr', body, span: body.span }] };
  if (file !== undefined) program.file = file;
  return { program, function: chosen, variables, constants, framework: module.framework, notes: lw.ctx.notes };
}

function onlyFunction(module: PyModule): string {
  const names = [...module.functions.keys()];
  if (names.length === 1) return names[0]!;
  throw new UserError(
    names.length === 0 ? 'the Python file defines no function' : `the Python file defines ${names.length} functions: name one as FILE.py::NAME`,
    undefined,
    names.length ? `its functions: ${names.join(', ')}` : 'write the loss as def loss(x): return ...',
  );
}
