import { test } from 'node:test';
import { assertGolden } from './assert-golden.js';

test('the tf model agrees with the golden data from the real framework (fixtures/frameworks/tf.jsonl)', (t) => assertGolden(t, 'tf'));
