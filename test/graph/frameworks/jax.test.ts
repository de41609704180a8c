import { test } from 'node:test';
import { assertGolden } from './assert-golden.js';

test('the jax model agrees with the golden data from the real framework (fixtures/frameworks/jax.jsonl)', (t) => assertGolden(t, 'jax'));
