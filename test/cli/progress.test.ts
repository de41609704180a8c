import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { progressBar, type ProgressStream } from '../../src/cli/progress.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

function stream(isTTY: boolean): { s: ProgressStream; text: () => string } {
  const s = Object.assign(new PassThrough(), { isTTY, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  let text = '';
  s.on('data', (d: Buffer) => (text += d.toString()));
  return { s, text: () => text };
}

test('progressBar draws a percentage and an ETA on a terminal, and nothing off one or when disabled (JSON)', async () => {
  const rows: Array<[string, boolean, boolean, boolean]> = [['a terminal', true, true, true], ['not a terminal', false, true, false], ['JSON on a terminal', true, false, false]];
  for (const [name, tty, enabled, draws] of rows) {
    const { s, text } = stream(tty);
    const bar = progressBar(s, enabled);
    bar.update(0.25, 'certifying the truths');
    bar.update(0.5, 'naive: float32');
    bar.stop();
    await new Promise((r) => setImmediate(r));
    if (draws) {
      assert.match(text(), /50% \| ETA \S+ \| naive: float32/, name);
    } else assert.equal(text(), '', name);
  }
});

test('scan and check write nothing on stderr when it is not a terminal', () => {
  const scan = runCli(['scan', 'exp(x)', '-n', '600', '--backend', 'emulated']);
  assert.equal(scan.code, 0);
  assert.equal(scan.stderr, '');
});

// A real terminal: util-linux script(1) runs the CLI on a pseudo-terminal (stdout and stderr both go to it).
const script = existsSync('/usr/bin/script') ? '/usr/bin/script' : undefined;
test('on a real terminal: a bar for text, none for --format json', { skip: script ? false : 'util-linux script(1) is not installed' }, () => {
  const onTty = (args: string) => spawnSync(script!, ['-qec', `${process.execPath} ${BIN} ${args}`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).stdout;
  assert.match(onTty("scan 'exp(x)' -n 600 --backend emulated"), /\d+% \| ETA /);
  const json = onTty("scan 'exp(x)' -n 600 --backend emulated --format json");
  assert.doesNotMatch(json, /% \| ETA /);
  assert.match(json, /"command": "scan"/);
});
