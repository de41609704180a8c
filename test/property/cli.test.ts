import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fc from 'fast-check';
import { BIN, ROOT } from '../helpers/cli.js';
import { brokenText } from './broken-text.js';
import { looseProgram, numberText, render, typedProgram } from './programs.js';

/**
 * The built CLI on random programs and random argument vectors: it may succeed (0), report findings (1) or refuse bad
 * input (2) with a clear message, but never fail internally (3), print a stack trace, die on a signal or hang.
 * Few runs, in parallel, since each is a process; the inputs come from a fixed seed.
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 20_261_130);
/** Few samples, no TF.js, one format, a modest exact precision: a run takes about a second. */
const FAST = ['-n', '16', '--backend', 'emulated', '-p', 'float64', '--max-digits', '300'];
const TIMEOUT_MS = 60_000;
const PARALLEL = 3;
/** Runs per property; PROPERTY_CLI_RUNS=200 searches harder (minutes). */
const RUNS = Number(process.env.PROPERTY_CLI_RUNS ?? 16);

interface Run { args: string[]; input: string }
interface Outcome { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }

function runCli({ args, input }: Run): Promise<Outcome> {
  return new Promise((resolve) => {
    const start = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', F_DIAGNOSE_DEBUG: '' },
      timeout: TIMEOUT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - start }));
    child.stdin.on('error', () => undefined); // the CLI may exit before reading stdin
    child.stdin.end(input);
  });
}

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** Why an outcome is wrong, or undefined when it is one of the allowed ones. */
function problem(o: Outcome): string | undefined {
  if (o.signal !== null) return `killed by ${o.signal} after ${o.ms} ms`;
  if (o.code === 3) return `exit 3: ${o.stderr.trim().split('\n')[0]}`;
  if (o.code !== 0 && o.code !== 1 && o.code !== 2) return `exit ${o.code}`;
  if (STACK_FRAME.test(o.stderr) || STACK_FRAME.test(o.stdout)) return 'a stack trace';
  if (o.code === 2 && o.stderr.trim() === '') return 'exit 2 without a message';
  return undefined;
}

async function checkAll(runs: Run[]): Promise<void> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < runs.length) {
      const run = runs[next++]!;
      const outcome = await runCli(run);
      const why = problem(outcome);
      if (process.env.PROPERTY_LOG) console.error(`exit ${outcome.code} ${outcome.ms} ms ${JSON.stringify(run.args).slice(0, 200)} ${JSON.stringify(run.input.slice(0, 120))}\n  ${outcome.stderr.trim().split('\n')[0]}`);
      if (why) failures.push(`${why}\n  f-diagnose ${run.args.map((a) => JSON.stringify(a)).join(' ')}${run.input ? `\n  stdin: ${JSON.stringify(run.input.slice(0, 300))}` : ''}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  assert.deepEqual(failures, [], failures.join('\n'));
}

/**
 * KNOWN crashes outside src/parse, reported to the lead and kept out of the inputs until fixed (remove each filter with
 * its fix). Each is a minimal reproduction.
 */
const KNOWN: { why: string; matches: (run: Run) => boolean }[] = [
  // KNOWN (exact truth): `f-diagnose scan '1e9000000000000000 / x' -n 16 --backend emulated -p float64` exits 3:
  // "Cannot read properties of null (reading 'length')" (a literal beyond decimal.js's exponent range).
  { why: 'a literal beyond the exact engine\'s exponent range', matches: (run) => [...run.args, run.input].some((a) => a.includes('1e9000000000000000')) },
];
const notKnown = (run: Run) => KNOWN.every((k) => !k.matches(run));

/** Free variables of the CLI's programs: two, so the 16 samples per variable keep a run short. */
const CLI_VARIABLES = ['x', 'y'];

test('(e) scan on random programs (read from stdin) never exits 3, prints a stack trace or hangs', async () => {
  const programs = fc.oneof(
    { arbitrary: typedProgram.map((p) => render(p, true, CLI_VARIABLES).text), weight: 3 },
    { arbitrary: looseProgram.map((p) => render(p, false, CLI_VARIABLES).text), weight: 1 },
    { arbitrary: brokenText, weight: 1 },
  );
  const runs = fc.sample(programs.map((input): Run => ({ args: ['scan', '-f', '-', ...FAST], input })).filter(notKnown), { seed: SEED, numRuns: RUNS });
  await checkAll(runs);
});

/** Mostly valid options with hostile values (huge, tiny, outside float32, names a program lacks), now and then a wrong one. */
const variableName = fc.constantFrom('x', 'x', 'y', 'y', 'z', '__proto__');
const signed = fc.tuple(fc.boolean(), numberText).map(([minus, text]) => (minus ? `-${text}` : text));
const program = typedProgram.map((p) => render(p, true, CLI_VARIABLES).text);
const reference = fc.oneof(program, fc.constantFrom('x', 'x + y', 'y', '1/0', 'exp(x)', '1e400', '0*x', ''));
const wrong = fc.constantFrom(
  ['-n', '0'], ['-n', '-1'], ['-n', '2.5'], ['-n', 'abc'], ['--seed', '-1'], ['--seed', '1e400'], ['-p', 'float16'], ['-p', ''],
  ['--format', 'xml'], ['--ulps', '-1'], ['--ulps', '1e-7'], ['--max-digits', '0'], ['--fail-on', 'ulps:'], ['--fail-on', ''],
  ['--var', 'x=1:'], ['--var', '=1:2'], ['--var', 'x=nan:1'], ['-f', 'no-such-file.txt'], ['-o', '/no-such-dir/out.txt'],
  ['--backend', 'gpu'], ['--unknown-option'], ['extra-argument'],
);
/** A point with x and y (what the programs use), sometimes a third name. */
const point = fc
  .tuple(signed, signed, fc.option(fc.tuple(variableName, signed), { freq: 4 }))
  .map(([x, y, extra]) => [`x=${x}`, `y=${y}`, ...(extra ? [`${extra[0]}=${extra[1]}`] : [])].join(','));
/** LO < HI mostly (in the order of their values), so the scan runs. */
const range = fc.tuple(variableName, signed, signed).map(([v, a, b]) => `${v}=${Number(a) <= Number(b) ? `${a}:${b}` : `${b}:${a}`}`);
const scanOption = fc.oneof(
  { arbitrary: range.map((r) => ['--var', r]), weight: 4 },
  { arbitrary: fc.constantFrom(['-n', '1'], ['-n', '2'], ['-n', '32'], ['-p', 'float32'], ['-p', 'both'], ['--format', 'json'], ['--brief']), weight: 3 },
  { arbitrary: fc.nat().map((n) => ['--seed', `${n}`]), weight: 1 },
  { arbitrary: fc.constantFrom(['--ulps', '0'], ['--ulps', '1000000'], ['--fail-on', 'nan,inf'], ['--fail-on', 'ulps:0'], ['--fail-on', 'nan,inf,ulps:64']), weight: 2 },
  { arbitrary: reference.map((r) => ['--reference', r]), weight: 2 },
  { arbitrary: wrong, weight: 1 },
);
const evalOption = fc.oneof(
  { arbitrary: point.map((p) => ['--at', p]), weight: 5 },
  { arbitrary: fc.constantFrom(['--format', 'json'], ['--format', 'text']), weight: 2 },
  { arbitrary: reference.map((r) => ['--reference', r]), weight: 2 },
  { arbitrary: wrong, weight: 1 },
);

test('(e) scan and eval on random argument vectors never exit 3, print a stack trace or hang', async () => {
  const scan = fc.tuple(program, fc.array(scanOption, { maxLength: 4 })).map(([e, options]) => ['scan', ...FAST, ...options.flat(), '--', e]);
  const evaluate = fc
    .tuple(program, point, fc.array(evalOption, { maxLength: 4 }))
    .map(([e, at, options]) => ['eval', '--backend', 'emulated', '--at', at, ...options.flat(), '--', e]);
  const runs = fc.sample(fc.oneof(scan, evaluate).map((args): Run => ({ args, input: '' })).filter(notKnown), { seed: SEED, numRuns: RUNS });
  await checkAll(runs);
});
