import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatUserError } from '../../../src/base/excerpt.js';
import { UserError } from '../../../src/base/user-error.js';
import { compile } from '../../../src/graph/compile.js';

/** [Python file (function f unless the label names another), message, line:col of the caret]. */
const rows: Array<[string, RegExp, string, string?]> = [
  ['import torch\ndef f(x):\n    return torch.softmax(x)\n', /'softmax' is not supported yet/, '3:12'],
  ['import torch.nn.functional as F\ndef f(x):\n    return F.hard_sigmoid(x)\n', /'hard_sigmoid' is not supported yet/, '3:12'],
  ['import torch.nn.functional as F\ndef f(x):\n    return F.log_softmax(x)\n', /'log_softmax' is not supported yet/, '3:12'],
  ['import torch\ndef f(x):\n    return torch.expp(x)\n', /unknown function 'expp'/, '3:12'],
  ['from mylib import helper\ndef f(x):\n    return helper(x)\n', /'mylib.helper' comes from another module \(mylib\)/, '3:12'],
  ['import mylib\ndef f(x):\n    return mylib.smooth(x)\n', /'mylib.smooth' comes from another module/, '3:12'],
  ['def f(x):\n    t = 0\n    for i in range(3):\n        t += x\n    return t\n', /'for' loop is not supported: a loop cannot be lowered/, '3:5'],
  ['def f(x):\n    while x > 1:\n        x = x / 2\n    return x\n', /'while' loop is not supported/, '2:5'],
  ['class Loss:\n    pass\ndef f(x):\n    return Loss(x)\n', /'Loss' is a class/, '4:12'],
  ['def f(x):\n    g = lambda t: t * t\n    return g(x)\n', /a lambda is not supported/, '2:9'],
  ['def f(x):\n    return sum([t for t in x])\n', /a list comprehension is not supported/, '2:16'],
  ['def f(x, **kwargs):\n    return x\n', /\*\*kwargs parameters are not supported/, '1:12'],
  ['def f(x):\n    return g(x)\n', /'g' is not defined in this file/, '2:12'],
  ['def f(x):\n    if x > 0:\n        return x\n    return -x\n', /'if' on a value that depends on the inputs/, '2:8'],
  ['def f(x):\n    return x // 2\n', /the operator '\/\/' is not supported/, '2:14'],
  ['def f(x):\n    return x[0]\n', /indexing is not supported/, '2:12'],
  ['def f(x):\n    return x, x\n', /returns 2 values/, '2:5'],
  ['def f(x):\n    y = x\n', /'f' does not return a value/, '1:5'],
  ['def f(x):\n    return f(x)\n', /'f' calls itself/, '2:12'],
  ['def f(x):\n    return (x +\n', /Python syntax error/, '2:16'],
  ['def f(x):\n    x.clamp_(min=0)\n    return x\n', /in-place method 'clamp_'/, '2:7'],
  ['import torch\ndef f(x):\n    return x + torch.finfo(x.dtype).eps\n', /an input's dtype is the precision being scanned/, '3:28'],
  ["def f(x, r='mean'):\n    return x * r\n", /expected a number here, found the string 'mean'/, '1:12'],
];

for (const [python, message, at] of rows) {
  test(`python error: ${message.source}`, () => {
    assert.throws(
      () => compile(python, 'losses.py::f'),
      (e: unknown) => {
        assert.ok(e instanceof UserError, String(e));
        const shown = formatUserError(e);
        assert.match(shown, message);
        assert.match(shown, new RegExp(`^losses\\.py:${at}: `), shown);
        assert.match(shown, /\^/, 'a caret under the construct');
        return true;
      },
    );
  });
}

test('python error: a file of several functions needs FILE.py::NAME', () => {
  assert.throws(() => compile('def a(x):\n    return x\ndef b(x):\n    return x\n', 'losses.py'), /defines 2 functions: name one as FILE\.py::NAME/);
});

test('python error: an unknown function name lists the functions of the file', () => {
  assert.throws(() => compile('def a(x):\n    return x\n', 'losses.py::nope'), (e: unknown) => e instanceof UserError && /no function 'nope'/.test(e.message) && /its functions: a/.test(e.hint ?? ''));
});
