#!/usr/bin/env node
// a scan certifies its truths on worker threads: they start first, so that they load while this thread loads the CLI
// (not when the samples are set: a big scan's memory has no room for idle workers; the CLI decides then)
const sampled = process.argv.some((a) => /^(-n|--samples)(=|$)/.test(a) || /^-n\d/.test(a));
if (process.argv[2] === 'scan' && !sampled) (await import('../dist/src/backends/truth-pool.js')).warmTruthPool();
const { main } = await import('../dist/src/cli/main.js');

process.exitCode = await main(process.argv);
