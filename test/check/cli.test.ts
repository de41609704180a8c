import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = 'bin/f-diagnose.js';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The built binary as a user runs it: [args] -> exit code, and a pattern its output must match. */
const rows: Array<[string[], number, RegExp]> = [
  [['check', '--config', 'fixtures/check/passing.config.json', '--samples', '256', '--framework', 'tfjs'], 0, /^PASS stable-f /m],
  [['check', '--config', 'fixtures/check/passing.config.json', '--samples', '256', '--framework', 'pytorch'], 2, /--framework 'pytorch': expected tf, torch, jax, tfjs/],
  [['check', '--config', 'fixtures/check/failing.config.json', '--samples', '256', '--no-fix'], 1, /^FAIL naive-f /m],
  [['check', '--config', 'fixtures/check/failing.config.json', '--samples', '256', '--no-fix', '--format', 'github'], 1, /^::error file=fixtures\/check\/naive-f\.txt,line=2,col=15,endLine=2,endColumn=21,title=f-diagnose naive-f%3A float32 grad%3Ax::NaN on \[-1000, -88\.72\]/m],
  [['check', '--config', 'fixtures/check/no-such.json'], 2, /^f-diagnose: error: fixtures\/check\/no-such\.json: cannot read the config file: no such file$/m],
  [['check', '--config', 'fixtures/check/passing.config.json', '--format', 'yaml'], 2, /--format 'yaml': expected text, json, github, sarif or junit/],
  [['scan', '-f', 'fixtures/check/naive-f.txt', '--var', 'x=-1000:1000', '--samples', '256', '--fail-on', 'nan'], 1, /NaN/],
  [['scan', '-f', 'fixtures/check/naive-f.txt', '--var', 'x=1:1000', '--samples', '256', '--fail-on', 'nan,inf'], 0, /./],
  [['scan', '-f', 'fixtures/check/naive-f.txt', '--samples', '256', '--fail-on', 'nan,ulps'], 2, /--fail-on: "ulps" needs a number of ULPs >= 0/],
];

describe('f-diagnose check / scan --fail-on, built binary', () => {
  for (const [args, code, pattern] of rows) {
    it(`${args.join(' ')} -> exit ${code}`, () => {
      const r = cli(args);
      assert.equal(r.code, code, r.stdout + r.stderr);
      assert.match(r.stdout + r.stderr, pattern);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  }
});
