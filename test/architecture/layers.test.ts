/**
 * The folder import graph of src/: each folder is one stage of the data flow, and a module imports only from its own
 * folder or from a folder below it. No cycles follow. Read from the TypeScript sources, not the build.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../../src');

/** Bottom to top. `index.ts` (the library API) sits above everything. */
const LAYERS = ['base', 'vocab', 'parse', 'graph', 'backends', 'sample', 'detect', 'core', 'repair', 'check', 'report', 'cli'] as const;
const rank = (folder: string) => (folder === 'index.ts' ? LAYERS.length : LAYERS.indexOf(folder as (typeof LAYERS)[number]));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function folderOf(path: string): string {
  return relative(SRC, path).split(/[\\/]/)[0]!;
}

const edges = new Map<string, Set<string>>();
for (const file of files(SRC)) {
  const from = folderOf(file);
  for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
    const to = folderOf(normalize(join(dirname(file), m[1]!.replace(/\.js$/, '.ts'))));
    if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
  }
}

test('every folder of src/ is a known layer', () => {
  for (const folder of readdirSync(SRC)) assert.ok(rank(folder) >= 0, `src/${folder} is not in the layer list`);
});

for (const [from, tos] of edges) {
  test(`${from} imports only from layers below it`, () => {
    const upward = [...tos].filter((to) => rank(to) > rank(from));
    assert.deepEqual(upward, [], `${from} (layer ${rank(from)}) imports ${upward.join(', ')}`);
  });
}
