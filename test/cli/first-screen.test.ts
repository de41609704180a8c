import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { STORY_FORMS } from '../../src/core/story.js';

// The default scan of the built-in story, as a new user first sees it (not a TTY: 80 columns). Fewer samples than
// the default keep it fast; the layout does not depend on the count.
test('the default scan: the first 40 lines name every form with its verdict; no line is wider than 80 columns', () => {
  const r = runCli(['scan', '--samples', '256', '--backend', 'emulated']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  const first = lines.slice(0, 40).join('\n');
  // verdicts that mathematics decides: naive has 1/x at 0, stable is the rewrite that the story shows to be stable
  const expected: Record<string, string> = { naive: 'UNSTABLE', stable: 'STABLE' };
  for (const form of STORY_FORMS) {
    const line = lines.slice(0, 40).find((l) => l.includes(` ${form.name}:`));
    assert.ok(line, `no summary line for ${form.name} in\n${first}`);
    assert.match(line, /^(UNSTABLE|INACCURATE|STABLE) /);
    if (expected[form.name]) assert.ok(line.startsWith(`${expected[form.name]} `), line);
  }
  const wide = lines.filter((l) => l.length > 80);
  assert.deepEqual(wide, []);
});
