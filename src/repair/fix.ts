import { UserError } from '../base/user-error.js';
import type { ScanRuntime } from '../core/diagnose.js';
import type { ScanOptions } from '../core/types.js';
import { compile } from '../graph/compile.js';
import { parseProgram, printExpr, printProgram, printStatement, type Program, type Statement } from '../parse/index.js';
import { isPythonLabel } from '../parse/python/index.js';
import { candidatesFor } from './candidates.js';
import { prove, type Candidate, type TargetCheck, type Tolerances, type Verified } from './prove.js';
import { inlineProgram, opCount } from './tree.js';

export interface FixReport {
  schemaVersion: 1;
  command: 'fix';
  input: string;
  vars: string[];
  /** Whose gradient rules and kernels the proof used. */
  framework: string;
  tolerances: Tolerances;
  samples: number;
  seed: number;
  /** The input scanned against its own truth. */
  original: TargetCheck[];
  /** Best first; fixes[0] is the proposal when its verdict is "proved" or "improved". */
  fixes: Verified[];
  elapsedMs: number;
}

/** Candidates for the input, each scanned against the input's truth (or the reference's, when given), ranked. No I/O. */
export async function fix(source: string, options: ScanOptions, tolerances: Tolerances, runtime?: ScanRuntime, file?: string, reference?: string): Promise<FixReport> {
  const started = performance.now();
  // one truth cache for every scan of this fix (the proof, its region edges, each function's own fix)
  // (without the scan's onForm: the proof's own scans are not forms of the user's to fix)
  const { onForm: _scanOnly, onCounts: _scanCounts, ...given } = runtime ?? { backend: 'emulated' };
  runtime = { ...given, truthCache: runtime?.truthCache ?? new Map(), graphs: runtime?.graphs ?? new Map() };
  if (isPythonLabel(file)) {
    // A Python function, lowered once to the expression language: every candidate and the proof work on that text.
    source = printProgram(parseProgram(source, file));
    file = undefined;
  }
  const graph = compile(source, file, { framework: options.framework });
  const expr = inlineProgram(parseProgram(source, file));

  if (!expr) throw new UserError('fix needs a final expression to fix (the program only defines names)');
  const program = parseProgram(source, file);
  const candidates = [...candidatesFor(expr, graph.vars, options, runtime.graphs), ...(await perFunction(program, options, tolerances, runtime))];
  const { original, ranked } = await prove(source, candidates, options, tolerances, runtime, reference);
  return {
    schemaVersion: 1, command: 'fix', input: source, vars: graph.vars, framework: options.framework, tolerances, samples: options.samples, seed: options.seed,
    original, fixes: ranked, elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * A program that defines functions: each function fixed on its own (its parameters as the variables, over their
 * whole range), and the program with every function body replaced by its best fix, as one more candidate. A series
 * at a function's singularity then serves every call (f(x) + f(x + 50) has two singular points, at 0 and -50).
 */
async function perFunction(program: Program, options: ScanOptions, tolerances: Tolerances, runtime?: ScanRuntime): Promise<Candidate[]> {
  const defs = program.statements.filter((s): s is Extract<Statement, { kind: 'def' }> => s.kind === 'def');
  if (!defs.length) return [];
  const steps: string[] = [];
  const why: string[] = [];
  const bodies = new Map<string, string>();
  for (const d of defs) {
    const body = printExpr(d.body);
    let r: FixReport;
    try {
      r = await fix(body, { ...options, ranges: {} }, tolerances, runtime);
    } catch {
      continue; // a body that uses names from outside it cannot be fixed alone
    }
    const best = r.fixes[0];
    if (!best || (best.verdict !== 'proved' && best.verdict !== 'improved')) continue;
    bodies.set(d.name, printExpr(inlineProgram(parseProgram(best.expr))!));
    steps.push(`${d.name}: ${best.steps.join(' + ')}`);
    why.push(...best.why);
  }
  if (!bodies.size) return [];
  const text = program.statements
    .map((s) => (s.kind === 'def' && bodies.has(s.name) ? `${s.name}(${s.params.join(', ')}) = ${bodies.get(s.name)}` : printStatement(s)))
    .join('\n');
  return [{ expr: text, steps, why: [...new Set(why)], ops: opCount(inlineProgram(parseProgram(text))!) }];
}
