import { test } from 'node:test';
import { assertGolden } from './assert-golden.js';

test('the torch model agrees with the golden data from the real framework (fixtures/frameworks/torch.jsonl)', (t) => assertGolden(t, 'torch'));
