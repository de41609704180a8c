import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggest } from '../../src/parse/index.js';
import { editDistance } from '../../src/parse/suggest.js';

const distances: [string, string, number][] = [
  ['exp', 'exp', 0],
  ['expp', 'exp', 1],
  ['ex', 'exp', 1],
  ['exq', 'exp', 1],
  ['epx', 'exp', 1], // one adjacent swap
  ['kitten', 'sitting', 3],
  ['', 'abc', 3],
  ['log1p', 'logp1', 1],
  ['sigmiod', 'sigmoid', 1],
  ['tanh', 'tahn', 1],
  ['tanh', 'than', 2], // h moved two places: not one swap
];

test('edit distance counts insertions, deletions, substitutions and adjacent swaps', () => {
  for (const [a, b, d] of distances) {
    assert.equal(editDistance(a, b), d, `${a} -> ${b}`);
    assert.equal(editDistance(b, a), d, `${b} -> ${a}`);
  }
});

const SPELLINGS = ['exp', 'expm1', 'log', 'log1p', 'sin', 'sign', 'sinh', 'sqrt', 'square', 'sigmoid', 'maximum', 'minimum'];

const rows: [string, string[], string | undefined][] = [
  ['expp', SPELLINGS, 'exp'],
  ['sigmiod', SPELLINGS, 'sigmoid'],
  ['maximun', SPELLINGS, 'maximum'],
  ['squre', SPELLINGS, 'square'],
  ['lgo', SPELLINGS, 'log'],
  ['sinn', SPELLINGS, 'sin'], // sin, sign and sinh are all 1 away: the longest common prefix wins, then the first
  ['sqr', SPELLINGS, 'sqrt'],
  ['spr', SPELLINGS, undefined], // 3 letters allow 1 edit: sqrt is 2 away
  ['ab', ['abc', 'xyz'], 'abc'],
  ['xy', ['abc'], undefined],
  ['lg', ['log'], 'log'],
  ['lx', ['exp'], undefined],
  ['epm1', SPELLINGS, 'expm1'],
  ['expmmm1x', SPELLINGS, undefined], // 3 edits from expm1
  ['frobnicate', SPELLINGS, undefined],
  ['anything', [], undefined],
];

test('suggest: nearest within 2 edits, 1 for names of 3 characters or fewer', () => {
  for (const [name, candidates, expected] of rows) assert.equal(suggest(name, candidates), expected, name);
});
