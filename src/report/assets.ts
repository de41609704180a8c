import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** uPlot (MIT, ~50 kB) as shipped in node_modules, inlined into HTML reports so they fetch nothing. */
export interface PlotLibrary { js: string; css: string; version: string }

export function uplot(): PlotLibrary {
  const require = createRequire(import.meta.url);
  const read = (path: string) => readFileSync(require.resolve(path), 'utf8');
  const pkg = JSON.parse(read('uplot/package.json')) as { version: string };
  return { js: read('uplot/dist/uPlot.iife.min.js'), css: read('uplot/dist/uPlot.min.css'), version: pkg.version };
}
