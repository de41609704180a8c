import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formSource } from '../../src/report/form-source.js';

const FILE = 'import torch\n\n\ndef helper(x):\n    return x\n\n\ndef loss(a, b=0.5):\n    """doc"""\n    return torch.sqrt(a * a)\n';

/** [what, the form's name, its text, the one line the summary shows] */
const rows: Array<[string, string, string, string]> = [
  ['an expression, on one line', 'naive', '1/(1-exp(-x))\n  - 1/x', '1/(1-exp(-x)) - 1/x'],
  ['a Python function: its def line and line number, not the file', 'losses.py::loss', FILE, 'def loss(a, b=0.5)  (line 8)'],
  ['the other function of the same file', 'losses.py::helper', FILE, 'def helper(x)  (line 4)'],
];
for (const [what, name, expr, want] of rows) {
  test(`formSource: ${what}`, () => assert.equal(formSource({ name, expr }), want));
}
