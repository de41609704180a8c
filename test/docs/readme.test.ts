/**
 * The README's and docs/'s commands work as written on a fresh clone: every `npx f-diagnose ...` line of its sh blocks runs from
 * the repository root and ends with the exit code the README documents (0, or 1 where it shows a failing gate), no
 * stack trace, and valid output. Lines that install the package elsewhere (git clone, npm pack) are what
 * .ci/pack-smoke.sh runs; `npm ci`/`npm test` are what CI runs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT } from '../helpers/cli.js';

// the README and every page of docs/: each `npx f-diagnose` line of their sh blocks
const pages = ['README.md', ...readdirSync(`${ROOT}docs`).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const readme = pages.map((p) => readFileSync(`${ROOT}${p}`, 'utf8')).join('\n');
const lines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((m) => m[1]!.split('\n'))
  .map((l) => l.replace(/^\s*(npm ci && )?/, '').replace(/\s+#.*$/, '').trim())
  .filter((l) => l.startsWith('npx f-diagnose'));
const unique = [...new Set(lines)];
const hasJq = spawnSync('sh', ['-c', 'command -v jq'], { encoding: 'utf8' }).status === 0;

test('the README has f-diagnose commands to run', () => assert.ok(unique.length >= 5, unique.join('\n')));

for (const line of unique) {
  test(`README: ${line}`, () => {
    // Without jq on this machine, the JSON it would read is checked with JSON.parse instead.
    const [command, filter] = line.split(/ \| jq /);
    const r = spawnSync('sh', ['-c', `${command!.replace(/^npx f-diagnose/, `"${process.execPath}" bin/f-diagnose.js`)}${filter && hasJq ? ` | jq ${filter}` : ''}`], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000, maxBuffer: 64 << 20,
    });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    assert.ok(r.stdout.length > 0);
    if (filter && !hasJq) JSON.parse(r.stdout);
  });
}
