import { UserError } from '../base/user-error.js';
import type { ScanRuntime } from '../core/diagnose.js';
import type { ScanOptions } from '../core/types.js';
import { compile } from '../graph/compile.js';
import { parseProgram } from '../parse/index.js';
import { candidatesFor } from './candidates.js';
import { prove, type TargetCheck, type Tolerances, type Verified } from './prove.js';
import { inlineProgram } from './tree.js';

export interface FixReport {
  schemaVersion: 1;
  command: 'fix';
  input: string;
  vars: string[];
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
  const graph = compile(source, file);
  const expr = inlineProgram(parseProgram(source, file));
  if (!expr) throw new UserError('fix works on an expression, optionally with lets (t = ...) before it; inline the functions the program defines');
  const candidates = candidatesFor(expr, graph.vars, options);
  const { original, ranked } = await prove(source, candidates, options, tolerances, runtime, reference);
  return {
    schemaVersion: 1, command: 'fix', input: source, vars: graph.vars, tolerances, samples: options.samples, seed: options.seed,
    original, fixes: ranked, elapsedMs: Math.round(performance.now() - started),
  };
}
