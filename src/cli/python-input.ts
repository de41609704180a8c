import type { FrameworkId } from '../graph/frameworks/index.js';
import { UserError } from '../base/user-error.js';
import { lineColumn } from '../base/span.js';
import { readTextFile } from '../base/read-file.js';
import { formatLabel, lowerPythonFunction, parseLabel, pythonFunctions } from '../parse/python/index.js';

/** A Python function as a form: the label carries the function and its sampled defaulted parameters. */
export interface PythonFormSpec { name: string; source: string; file: string }

/** `losses.py` or `losses.py::focal_loss`, given as the argument or with -f: decided by the .py extension. */
export function pythonArgument(expr: string | undefined, file: string | undefined): string | undefined {
  const candidate = file ?? expr;
  return candidate !== undefined && parseLabel(candidate) !== undefined && !/\[/.test(candidate) ? candidate : undefined;
}

/**
 * The forms a Python argument names (every function of the file, or the one after ::), each lowered once here so a
 * mistake is reported before any sampling. `variables` are the names the caller samples: a parameter with a default
 * named there is a variable, otherwise it keeps its default. Notes (batch reductions, the framework) go to `note`.
 */
export function pythonForms(arg: string, variables: readonly string[], note: (text: string) => void): PythonFormSpec[] {
  const label = parseLabel(arg)!;
  const source = readTextFile(label.file, { label: label.file });
  const fail = (e: unknown): never => {
    if (e instanceof UserError && e.span !== undefined) e.withSource(source, label.file);
    throw e;
  };
  let names: string[];
  try {
    const found = pythonFunctions(source);
    names = label.function !== undefined ? [label.function] : found.functions;
    if (names.length === 0) throw new UserError(`${label.file} defines no function`, undefined, 'write the loss as def loss(x): return ...');
    note(`${label.file}: ${importsNote(found.framework)}`);
  } catch (e) {
    return fail(e);
  }
  return names.map((name) => {
    try {
      const plain = lowerPythonFunction(source, label.file, name, []);
      const sampled = plain.constants.filter((c) => variables.includes(c));
      const form = sampled.length > 0 ? lowerPythonFunction(source, label.file, name, sampled) : plain;
      for (const n of form.notes) {
        const { line, column } = lineColumn(source, n.span.start);
        note(`${label.file}:${line}:${column}: ${name}: ${n.message}`);
      }
      return { name: `${label.file}::${name}`, source, file: formatLabel({ file: label.file, function: name, sampled }) };
    } catch (e) {
      return fail(e);
    }
  });
}

/**
 * The framework a Python input imports (torch, tensorflow/keras, jax), for its gradient rules when --framework is not
 * given; numpy has no gradients of its own, so it (or no import) leaves the default.
 */
export function frameworkOfInput(expr: string | undefined, file: string | undefined): FrameworkId | undefined {
  const python = pythonArgument(expr, file);
  if (python === undefined) return undefined;
  const label = parseLabel(python)!;
  const found = pythonFunctions(readTextFile(label.file, { label: label.file })).framework;
  return found === 'tf' || found === 'torch' || found === 'jax' ? found : undefined;
}

/** What the imports decide: a framework with its own gradient rules, or nothing (numpy has none), so the default. */
function importsNote(framework: string | undefined): string {
  if (framework === undefined) return "no framework imported: the gradient rules are --framework's (default tf)";
  if (framework === 'numpy') return "imports numpy, which has no gradients of its own: the gradient rules are --framework's (default tf)";
  return `framework from the imports: ${framework}`;
}
