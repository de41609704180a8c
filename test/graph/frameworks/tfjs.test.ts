import { test } from 'node:test';
import { assertGolden } from './assert-golden.js';

test('the tfjs model agrees with the golden data from the real framework (fixtures/frameworks/tfjs.jsonl)', (t) => assertGolden(t, 'tfjs'));
