import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { type CheckCommandOptions, runCheckCommand } from '../../src/cli/check.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/check/', import.meta.url));
const SARIF_SCHEMA = JSON.parse(readFileSync(fileURLToPath(new URL('../../../test/fixtures/sarif-schema-2.1.0.json', import.meta.url)), 'utf8'));

/** A scratch repository holding the example configs and loss files under losses/. */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fd-check-'));
  cpSync(FIXTURES, join(dir, 'losses'), { recursive: true });
  return dir;
}

async function check(cwd: string, opts: CheckCommandOptions) {
  let stdout = '';
  let stderr = '';
  const code = await runCheckCommand({ samples: '256', ...opts }, { cwd, color: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Line and column of exp(-x) in the naive loss file, found by search. */
const NAIVE_LINES = readFileSync(join(FIXTURES, 'naive-f.txt'), 'utf8').split('\n');
const EXP_LINE = NAIVE_LINES.findIndex((l) => l.includes('exp(-x)')) + 1;
const EXP_COLUMN = NAIVE_LINES[EXP_LINE - 1]!.indexOf('exp(-x)') + 1;
const PASSING = 'losses/passing.config.json';
const FAILING = 'losses/failing.config.json';

describe('check: exit codes and text', () => {
  const cwd = repo();
  // the passing config passes in TF.js's model; under TF's flush-to-zero (the default) huber does not: see below
  it('passing config: exit 0, a PASS line per check', async () => {
    const r = await check(cwd, { config: PASSING, framework: 'tfjs' });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^PASS stable-f +no NaN or inf; max error \d+ ULPs value, \d+ ULPs gradient$/m);
    // huber's gradient is 1 ULP off somewhere in [-1, 1]: below the default atol (half an ULP of 1), so it does not count
    assert.match(r.stdout, /^PASS huber +no NaN or inf; max error 0 ULPs value, 0 ULPs gradient$/m);
    assert.match(r.stdout, /^2 checks in losses\/passing.config.json: all passed \(.*; errors counted beyond atol 5\.96e-8 float32, 1\.11e-16 float64\)$/m);
    assert.equal(r.stderr, '');
  });
  it('failing config: exit 1, the naive loss NaN below -88.72 in float32 with exp as the root cause', async () => {
    const r = await check(cwd, { config: FAILING });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const naive = r.stdout.split('\n').find((l) => l.startsWith('FAIL naive-f'));
    assert.ok(naive, r.stdout);
    assert.match(naive, /float32 grad:x {2}NaN on \[-1000, -88\.72\] .*root cause: overflow in exp at losses\/naive-f\.txt:/);
    assert.ok(naive.includes(`losses/naive-f.txt:${EXP_LINE}:${EXP_COLUMN} `), naive);
    assert.match(r.stdout, /^FAIL answer-1e-6 /m);
  });
  it('the default config file is f-diagnose.config.json in the working directory', async () => {
    const dir = repo();
    cpSync(join(dir, PASSING), join(dir, 'f-diagnose.config.json'));
    writeFileSync(join(dir, 'f-diagnose.config.json'), readFileSync(join(dir, PASSING), 'utf8').replace('"stable-f.txt"', '"losses/stable-f.txt"'));
    assert.equal((await check(dir, { framework: 'tfjs' })).code, 0);
  });
  it('the config\'s framework, overridden per check and by --framework', async () => {
    const dir = repo();
    const text = readFileSync(join(dir, PASSING), 'utf8').replace('"checks": [', '"framework": "tfjs", "checks": [');
    writeFileSync(join(dir, 'losses/fw.config.json'), text);
    assert.equal((await check(dir, { config: 'losses/fw.config.json' })).code, 0, 'tfjs keeps subnormals: both pass');
    writeFileSync(join(dir, 'losses/fw.config.json'), text.replace('"name": "huber",', '"name": "huber", "framework": "tf",'));
    // atol 0: count every ULP, so the flushed 2e-39 is an error (the default absolute tolerance lets it pass)
    const perCheck = await check(dir, { config: 'losses/fw.config.json', atol: '0' });
    assert.equal(perCheck.code, 1);
    assert.match(perCheck.stdout, /^FAIL huber /m);
    assert.match(perCheck.stdout, /as TensorFlow\.js 4\.22\.0, TensorFlow 2\.21\.0 computes them(;[^)]*)?\)$/m);
    assert.equal((await check(dir, { config: 'losses/fw.config.json', framework: 'torch', atol: '0' })).code, 0, 'torch keeps subnormals');
  });
  it('a Python check takes the framework its file imports, as scan and eval do; the check\'s own and --framework override it', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'losses/relu_root.py'), 'import torch\n\n\ndef f(x):\n    return torch.sqrt(torch.relu(x))\n');
    const config = (extra: string) => JSON.stringify({ framework: 'tf', checks: [{ name: 'root', file: 'relu_root.py', function: 'f', vars: { x: [-1, 1] }, ...JSON.parse(`{${extra}}`) }] });
    const frameworkOf = async (opts: CheckCommandOptions = {}) => {
      const r = await check(dir, { config: 'losses/py.config.json', format: 'json', ...opts });
      return (JSON.parse(r.stdout) as { checks: { framework: { id: string } }[] }).checks[0]!.framework.id;
    };
    writeFileSync(join(dir, 'losses/py.config.json'), config(''));
    // the file's import beats the config-wide default
    assert.equal(await frameworkOf(), 'torch');
    assert.equal(await frameworkOf({ framework: 'jax' }), 'jax');
    writeFileSync(join(dir, 'losses/py.config.json'), config('"framework": "tfjs"'));
    assert.equal(await frameworkOf(), 'tfjs');
  });
  it('TF (the default) flushes subnormals: huber\'s 0.5 * x * x is 0 instead of 2e-39 near x = 6e-20, over its 2 ULPs with --atol 0', async () => {
    assert.equal((await check(cwd, { config: PASSING })).code, 0, 'the default absolute tolerance (half an ULP of 1) lets 2e-39 pass');
    const r = await check(cwd, { config: PASSING, atol: '0' });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^PASS stable-f /m);
    assert.match(r.stdout, /^FAIL huber +float32 value {2}error [\d.e]+ ULPs > 2 at x=[\d.]+e-(19|2\d) {2}root cause: underflow in mul /m);
    assert.match(r.stdout, /as TensorFlow 2\.21\.0 computes them(;[^)]*)?\)$/m);
  });

  /** A config c.json with this text; the expected message gets the 1-based column of `needle` in it (found by search). */
  const cfg = (text: string, needle: string, message: (col: number) => string): [CheckCommandOptions, string, (dir: string) => void] =>
    [{ config: 'c.json' }, message(text.indexOf(needle) + 1), (d) => writeFileSync(join(d, 'c.json'), text)];
  const usage: Array<[string, CheckCommandOptions, string | RegExp, (dir: string) => void]> = [
    ['missing config', { config: 'nope.json' }, 'f-diagnose: error: nope.json: cannot read the config file: no such file\n', () => {}],
    ['bad format', { config: PASSING, format: 'xml' }, "f-diagnose: error: --format 'xml': expected text, json, github, sarif or junit\n", () => {}],
    ['bad range', ...cfg('{"checks": [{"name": "a", "expr": "x", "vars": {"x": [3, 1]}}]}', '[3, 1]',
      (c) => `f-diagnose: error: c.json:1:${c}: checks[0].vars.x: expected [lo, hi] with lo < hi\n`)],
    ['missing expression file', ...cfg('{"checks": [{"name": "a", "file": "gone.txt", "vars": {"x": [1, 3]}}]}', '"gone.txt"',
      (c) => `f-diagnose: error: c.json:1:${c}: checks[0].file: cannot read "gone.txt": no such file\n`)],
    ['variable not in the expression', ...cfg('{"checks": [{"name": "a", "expr": "x", "vars": {"y": [1, 3]}}]}', '[1, 3]',
      (c) => `f-diagnose: error: c.json:1:${c}: checks[0].vars.y: not a variable of the expression (its variables: x)\n`)],
    ['expression parse error', { config: 'c.json' }, /^f-diagnose: c\.json checks\[0\]\.expr:1:1: error: .*exq.*\nexq\(x\)\n\^/,
      (d) => writeFileSync(join(d, 'c.json'), '{"checks": [{"name": "a", "expr": "exq(x)", "vars": {"x": [1, 3]}}]}')],
  ];
  for (const [what, opts, expected, setup] of usage) {
    it(`${what}: exit 2, one message, no stack`, async () => {
      const dir = repo();
      setup(dir);
      const r = await check(dir, opts);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      if (typeof expected === 'string') assert.equal(r.stderr, expected);
      else assert.match(r.stderr, expected);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      assert.equal(r.stdout, '');
    });
  }
});

describe('check: formats parsed back', () => {
  const cwd = repo();
  it('github: ::error lines on the root cause characters, then the summary', async () => {
    const r = await check(cwd, { config: FAILING, format: 'github' });
    assert.equal(r.code, 1);
    const re = /^::error file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^:]+)::(.+)$/;
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.ok(annotations.length >= 2);
    for (const a of annotations) assert.match(a, re);
    const naive = annotations.map((a) => re.exec(a)!).find((m) => m[1] === 'losses/naive-f.txt' && /NaN on \[-1000, -88\.72\]/.test(m[7]!));
    assert.ok(naive, annotations.join('\n'));
    // exp(-x) in the loss file, endColumn inclusive
    assert.deepEqual(naive.slice(2, 6), [String(EXP_LINE), String(EXP_COLUMN), String(EXP_LINE), String(EXP_COLUMN + 'exp(-x)'.length - 1)]);
    // The inline expression is annotated inside the config file's string.
    const exprLine = readFileSync(join(cwd, FAILING), 'utf8').split('\n').findIndex((l) => l.includes('"expr"')) + 1;
    assert.ok(annotations.some((a) => a.startsWith(`::error file=losses/failing.config.json,line=${exprLine},`)), annotations.join('\n'));
    assert.match(r.stdout, /^FAIL naive-f/m);
  });
  it('sarif to a file, valid against the SARIF 2.1.0 schema; text summary on stdout', async () => {
    const r = await check(cwd, { config: FAILING, format: 'sarif', output: 'out.sarif' });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^FAIL naive-f/m);
    const log = JSON.parse(readFileSync(join(cwd, 'out.sarif'), 'utf8')) as { runs: Array<{ results: unknown }> };
    const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(SARIF_SCHEMA);
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const results = log.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    assert.ok(results.some((x) => x.ruleId === 'overflow' && x.locations[0]!.physicalLocation.artifactLocation.uri === 'losses/naive-f.txt'));
  });
  it('junit: one testcase per check', async () => {
    const r = await check(cwd, { config: FAILING, format: 'junit' });
    assert.equal(r.code, 1);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
    const cases = doc.testsuites.testsuite.testcase as Array<{ name: string; failure?: { message: string } }>;
    assert.deepEqual(cases.map((c) => c.name), ['naive-f', 'answer-1e-6']);
    assert.ok(cases.every((c) => c.failure !== undefined && c.failure.message.length > 0));
  });
  it('json: parses, passed=false, every check with its findings', async () => {
    const r = await check(cwd, { config: FAILING, format: 'json' });
    const run = JSON.parse(r.stdout);
    assert.equal(run.passed, false);
    assert.deepEqual(run.checks.map((c: { name: string; passed: boolean }) => [c.name, c.passed]), [['naive-f', false], ['answer-1e-6', false]]);
  });
});

describe('check: baseline flow', () => {
  const cwd = repo();
  const config = join(cwd, FAILING);
  const original = readFileSync(config, 'utf8');
  const baseline = join(cwd, 'losses/f-diagnose.baseline.json');

  it('--update-baseline records the findings and passes', async () => {
    const r = await check(cwd, { config: FAILING, updateBaseline: true });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok(existsSync(baseline));
    const data = JSON.parse(readFileSync(baseline, 'utf8'));
    const regions = data.checks['naive-f']['float32 grad:x'].regions as Array<{ outcome: string; range: number[]; hazard: string }>;
    assert.ok(regions.some((g) => g.outcome === 'nan' && g.range[0] === -1000 && g.hazard === 'overflow'));
  });
  it('unchanged passes', async () => assert.equal((await check(cwd, { config: FAILING })).code, 0));
  it('better (a narrower range) passes', async () => {
    writeFileSync(config, original.replace('"x": [-1000, 1000]', '"x": [-500, 1000]'));
    assert.equal((await check(cwd, { config: FAILING })).code, 0);
  });
  it('worse (the NaN region grew) fails, saying so', async () => {
    writeFileSync(config, original.replace('"x": [-1000, 1000]', '"x": [-5000, 1000]'));
    const r = await check(cwd, { config: FAILING });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^FAIL naive-f .*\[worse than baseline: NaN region \[-5000, /m);
  });
  it('a new finding fails', async () => {
    writeFileSync(config, original.replace('"name": "naive-f"', '"name": "renamed-loss"'));
    const r = await check(cwd, { config: FAILING });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^FAIL renamed-loss .*\[new since baseline\]/m);
  });
  it('--baseline FILE that does not exist is a usage error', async () => {
    writeFileSync(config, original);
    assert.equal((await check(cwd, { config: FAILING, baseline: 'missing.json' })).code, 2);
  });
});
